"""The ontology's terms as a Python namespace: a misspelt term raises.

``ontology/newskg.ttl`` is the source of truth; ``tests/test_vocab.py`` checks that every term
here is defined there and every term there is listed here.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace
from rdflib.term import URIRef

NS = "https://w3id.org/newskg/ontology#"
ID = Namespace("https://w3id.org/newskg/id/")


class NKG(DefinedNamespace):
    _NS = Namespace(NS)
    _fail = True

    Article: URIRef
    Person: URIRef
    Organization: URIRef
    GovernmentBody: URIRef
    MediaOutlet: URIRef
    ArmedForces: URIRef
    InternationalOrganization: URIRef
    Place: URIRef
    Country: URIRef
    AdministrativeArea: URIRef
    Settlement: URIRef
    Membership: URIRef
    Statement: URIRef
    Incident: URIRef
    Mention: URIRef
    Agent: URIRef
    published: URIRef
    publisher: URIRef
    member: URIRef
    organization: URIRef
    role: URIRef
    speaker: URIRef
    text: URIRef
    date: URIRef
    reportedIn: URIRef
    mentions: URIRef
    place: URIRef
    killed: URIRef
    injured: URIRef
    victim: URIRef
    locatedIn: URIRef
    mentionOf: URIRef
    inArticle: URIRef
    startOffset: URIRef
    endOffset: URIRef
    surface: URIRef
    sentence: URIRef
    kind: URIRef
    source: URIRef
    isoCode: URIRef
    mergeNote: URIRef
    IncidentReport: URIRef
    report: URIRef
    figureRule: URIRef
    EntityReport: URIRef
    about: URIRef
    name: URIRef
    canonicalName: URIRef
    altName: URIRef
    classVotes: URIRef
    areaLevel: URIRef
    placedIn: URIRef
    url: URIRef
    headline: URIRef
    author: URIRef
    contentHash: URIRef
    articleBody: URIRef
    extraction: URIRef
    linkKey: URIRef
