"""Development loop for extraction: build every article of the given folders in one process
(the spaCy model loaded once) and score them with the shared scorer.

The official figures come from ``score.py`` with the real ``newskg build`` command (see the
README); this script gives the same scores faster, because ``score.py`` starts one process per
article and each loads the model. The Turtle of each article is written to ``--out`` and the
scorer is pointed at it with a ``cp`` command.

    python benchmarks/prescore.py --texts ../shared/corpus/wide --only 'wide-\\d\\d[13579]$' -v
"""

from __future__ import annotations

import argparse
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, action="append", required=True)
    ap.add_argument("--gold", type=Path, default=Path("../shared/eval/gold"))
    ap.add_argument("--scorer", type=Path, default=Path("../shared/eval/score.py"))
    ap.add_argument("--only", help="regular expression over article stems (as score.py --only)")
    ap.add_argument("--out", type=Path, help="folder for the Turtle files (default: a temporary one)")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    from newskg.extract.model import load_model
    from newskg.pipeline import build

    out = args.out or Path(tempfile.mkdtemp(prefix="prescore-"))
    out.mkdir(parents=True, exist_ok=True)
    nlp = load_model()
    files = sorted(p for d in args.texts for p in d.iterdir() if p.suffix == ".txt"
                   and (not args.only or re.search(args.only, p.stem)))
    for path in files:
        target = out / f"{path.stem}.ttl"
        target.unlink(missing_ok=True)
        try:
            build([path], output=target, progress=False, nlp=nlp)
        except Exception as exc:  # scored as a failed build, like score.py would
            print(f"{path.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
    cmd = [sys.executable, str(args.scorer), "--gold", str(args.gold)]
    for d in args.texts:
        cmd += ["--texts", str(d)]
    cmd += ["--cmd", f"test -f {shlex.quote(str(out))}/$(basename {{input}} .txt).ttl && "
                     f"cp {shlex.quote(str(out))}/$(basename {{input}} .txt).ttl {{output}}"]
    if args.only:
        cmd += ["--only", args.only]
    if args.verbose:
        cmd.append("-v")
    if args.json:
        cmd += ["--json", str(args.json)]
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
