"""Ingest: the paths a user names -> the input files to read, contained, and their bytes.

In: files and folders. Out: ``(path, relative path, bytes)`` for every regular file with a known
suffix under a folder (any file named on the command line), or an ``IngestError`` with one line
for the user in its place: a symbolic link leading out of its folder, a FIFO, device or socket,
a file over the size cap (checked on the open file before a byte is read), an unreadable file.
A FIFO is never opened for reading (opening is non-blocking and the kind is checked first).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

__all__ = ["DEFAULT_MAX_BYTES", "IngestError", "InputFile", "SUFFIXES", "iter_files", "kind_of", "read_bytes"]

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
# suffix -> input format; a folder is searched for these, a file named by the user is read by its suffix
SUFFIXES = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".json": "json", ".csv": "csv", ".rss": "feed", ".atom": "feed", ".xml": "feed", ".warc": "warc",
    ".warc.gz": "warc",
}


class IngestError(ValueError):
    """An input that cannot be read as articles; the message is one line for the user."""


@dataclass(frozen=True)
class InputFile:
    path: Path
    relative: PurePosixPath  # to the root it was found under (its own name for a file named directly)
    fmt: str
    follow: bool  # named by the user, or a link checked to stay inside its folder: opened through links


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return SUFFIXES.get(Path(name).suffix)


def _what(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a regular file"


def iter_files(paths: Iterable[Path]) -> Iterator[InputFile | IngestError]:
    """Every input file under ``paths`` in a stable order; what must be skipped, as an error."""
    for path in paths:
        try:
            st = os.stat(path)
        except OSError as exc:
            missing = isinstance(exc, FileNotFoundError)
            yield IngestError(f"{path}: {'no such file or folder' if missing else exc.strerror}")
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path)
        elif stat.S_ISREG(st.st_mode):
            yield InputFile(path, PurePosixPath(path.name), kind_of(path) or "text", follow=True)
        else:
            yield IngestError(f"{path}: {_what(st.st_mode)}, not a file, skipped")


def _walk(root: Path) -> Iterator[InputFile | IngestError]:
    real_root = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        here = Path(dirpath)
        for name in sorted(dirnames):
            if (here / name).is_symlink() and not _inside(here / name, real_root):
                yield IngestError(f"{here / name}: symbolic link to {os.readlink(here / name)} leaves {root}, skipped")
        for name in sorted(filenames):
            path = here / name
            fmt = kind_of(path)
            if fmt is None:
                continue
            try:
                st = os.lstat(path)
                link = stat.S_ISLNK(st.st_mode)
                if link:
                    if not _inside(path, real_root):
                        yield IngestError(f"{path}: symbolic link to {os.readlink(path)} leaves {root}, skipped")
                        continue
                    st = os.stat(path)
            except OSError as exc:
                yield IngestError(f"{path}: cannot read ({exc.strerror})")
                continue
            if not stat.S_ISREG(st.st_mode):
                yield IngestError(f"{path}: {_what(st.st_mode)}, not a file, skipped")
                continue
            yield InputFile(path, PurePosixPath(path.relative_to(root).as_posix()), fmt, follow=link)


def _inside(path: Path, real_root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(real_root)
    except (OSError, RuntimeError):  # a loop of links
        return False


def read_bytes(item: InputFile, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes; the kind and size are checked on the open file before reading.

    Raises:
        IngestError: not a regular file, over ``max_bytes``, unreadable.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not item.follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)  # a file that became a link since the walk is not followed
    try:
        fd = os.open(item.path, flags)
    except OSError as exc:
        raise IngestError(f"{item.path}: cannot read ({exc.strerror})") from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise IngestError(f"{item.path}: {_what(st.st_mode)}, not a file, skipped")
        if st.st_size > max_bytes:
            raise IngestError(f"{item.path}: {st.st_size} bytes, over the size cap of {max_bytes} bytes (--max-size), skipped")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise IngestError(f"{item.path}: over the size cap of {max_bytes} bytes (--max-size), skipped")
        return data
    except OSError as exc:
        raise IngestError(f"{item.path}: cannot read ({exc.strerror})") from exc
    finally:
        os.close(fd)
