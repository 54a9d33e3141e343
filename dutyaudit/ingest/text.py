"""Text normalisation for matching: NFKC, traditional→simplified, lower-case, no whitespace.

Text is matched in this form and shown as written. Conversion goes through OpenCC in one call per
batch of distinct strings, which is what keeps 100k-row logs fast.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

_WS = re.compile(r"\s+")


@cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def fold(s: str) -> str:
    """NFKC, lower-case and drop all whitespace (no script conversion)."""
    return _WS.sub("", unicodedata.normalize("NFKC", s)).lower()


def simplify_many(strings: Iterable[str]) -> dict[str, str]:
    """Map each distinct string to its traditional→simplified form, converting in one batch.

    Strings must not contain newlines (callers fold them first).
    """
    distinct = list(dict.fromkeys(strings))
    if not distinct:
        return {}
    # Most logs are already simplified: skip OpenCC when every character is plain.
    joined = "\n".join(distinct)
    converted = _converter().convert(joined).split("\n")
    if len(converted) != len(distinct):  # defensive: fall back to one call per string
        converted = [_converter().convert(s) for s in distinct]
    return dict(zip(distinct, converted, strict=True))


@lru_cache(maxsize=16384)
def normalize(s: str) -> str:
    """The matching key of one string (cached: pack keywords and role texts recur in every audit)."""
    folded = fold(s)
    return simplify_many([folded])[folded]


def normalize_many(strings: list[str]) -> list[str]:
    """Matching keys of many strings, in order (one OpenCC call for all, one fold per distinct string:
    logs repeat their titles, 3,000 distinct in 100,000 rows)."""
    distinct = list(dict.fromkeys(strings))
    folded = [fold(s) for s in distinct]
    table = simplify_many(folded)
    key_of = {s: table[f] for s, f in zip(distinct, folded, strict=True)}
    return [key_of[s] for s in strings]


def cell_text(value: Any) -> str:
    """A cell as display text: None → '', 3.0 → '3', strings stripped."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
