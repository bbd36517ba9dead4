"""Name folding shared by the index builder and every lookup.

Two spellings that a reader would take for the same name fold to the same key::

    >>> fold("Zürich") == fold("ZURICH")
    True
    >>> fold("St. Petersburg")
    'saint petersburg'
    >>> fold("U.S.") == fold("US")
    True
    >>> fold("Primorskiy Kray") == fold("Primorsky Kray")
    True
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

_DROP = re.compile(r"[.'\u2019`\u02bc\u02bb\"]")
_SPACE = re.compile(r"[\s\-\u2010-\u2015_/,]+")
_ABBREV = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}
_TRANSLIT = re.compile(r"(?<=[a-z])(?:iy|ii|yy)\b")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """ASCII, case-folded, punctuation-free, single-spaced lookup key for ``name``."""
    text = _DROP.sub("", anyascii(name).casefold())
    text = _SPACE.sub(" ", text).strip()
    if not text:
        return ""
    words = [_ABBREV.get(w, w) for w in text.split(" ")]
    return _TRANSLIT.sub("y", " ".join(words))
