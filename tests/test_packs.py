"""Every shipped pack validates, and every duty quotes its seed verbatim and cites a real clause."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dutyaudit.packs import builtin_dir, builtin_ids, load_pack_file

SOURCES = Path(__file__).resolve().parent.parent / "packs" / "sources"
_WS = re.compile(r"\s+")
_TOKEN = re.compile(r"[（(][^)）]+[)）]|第[^条]+条|[一二三四五六七八九十]+|\d+")


def _squash(s: str) -> str:
    return _WS.sub("", s)


@pytest.mark.parametrize("pack_id", builtin_ids())
def test_pack_validates_and_quotes_its_seed(pack_id: str) -> None:
    pack = load_pack_file(builtin_dir() / f"{pack_id}.yaml")
    assert pack.id == pack_id
    seed_raw = (SOURCES / f"{pack_id}.txt").read_text(encoding="utf-8")
    seed = _squash(seed_raw)
    for duty in pack.duties:
        assert _squash(duty.text) in seed, f"{pack_id}/{duty.id}: text is not verbatim from the seed"
        for token in _TOKEN.findall(duty.clause):
            assert token in seed_raw, f"{pack_id}/{duty.id}: clause token {token!r} not in the seed"


def test_all_five_packs_are_shipped() -> None:
    assert {"panjin", "shapotou", "shizuishan", "guangxi", "ziyang"} <= set(builtin_ids())


def test_an_owner_covers_a_unit_named_in_traditional_script() -> None:
    from dutyaudit.packs import owner_covers

    assert owner_covers("各县(区)政府", "惠農區人民政府")
    assert owner_covers("市政府办公室", "市政府辦公室")
    assert not owner_covers("市审批局", "惠農區司法局")
