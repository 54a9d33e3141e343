"""`packs draft` on the five seed documents against an independent inventory and the hand-made packs."""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from dutyaudit.draft import Draft, draft_pack
from dutyaudit.packs import Duty, load_pack_file

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "packs" / "sources"
SEEDS = ["panjin", "shapotou", "shizuishan", "guangxi", "ziyang"]
INVENTORY: dict[str, list[dict[str, Any]]] = yaml.safe_load(
    (Path(__file__).parent / "draft_inventory.yaml").read_text(encoding="utf-8")
)


@cache
def drafted(seed: str) -> Draft:
    return draft_pack(SOURCES / f"{seed}.txt", seed)


def _fits(d: Duty, item: dict[str, Any]) -> bool:
    r = d.requirement.model_dump(by_alias=True)
    if d.clause != item["clause"] or d.kind != item["kind"]:
        return False
    checks = {
        "min": r.get("min"),
        "by": r.get("by"),
        "per": r.get("per"),
        "per_person": r.get("per_person"),
        "value": (r.get("where") or {}).get("value"),
        "op": (r.get("where") or {}).get("op"),
        "year": d.years.from_ if d.years else None,
        "window": (r.get("window") or {}).get("from"),
    }
    return all(checks[k] == item[k] for k in checks if k in item)


def quantified_found(seed: str) -> tuple[int, list[dict[str, Any]]]:
    """How many inventory items have a duty of their own (each duty used once), and the misses."""
    duties = list(drafted(seed).pack.duties)
    used: set[str] = set()
    misses = []
    for item in INVENTORY[seed]:
        hit = next((d for d in duties if d.id not in used and _fits(d, item)), None)
        if hit is None:
            misses.append(item)
        else:
            used.add(hit.id)
    return len(INVENTORY[seed]) - len(misses), misses


@pytest.mark.parametrize("seed", SEEDS)
def test_quantified_requirements_become_their_own_duties(seed: str) -> None:
    found, misses = quantified_found(seed)
    assert found / len(INVENTORY[seed]) >= 0.9, misses


@pytest.mark.parametrize("seed", SEEDS)
def test_every_text_is_verbatim_from_the_document(seed: str) -> None:
    source = re.sub(r"\s+", "", (SOURCES / f"{seed}.txt").read_text(encoding="utf-8"))
    texts = [d.text for d in drafted(seed).pack.duties]
    assert texts
    assert [t for t in texts if re.sub(r"\s+", "", t) not in source] == []


@pytest.mark.parametrize("seed", SEEDS)
def test_clause_ids_are_cited_as_the_hand_made_pack_cites_them(seed: str) -> None:
    hand = {d.clause for d in load_pack_file(ROOT / "packs" / f"{seed}.yaml").duties}
    draft = {d.clause for d in drafted(seed).pack.duties}
    assert len(hand & draft) / len(hand) >= 0.9, sorted(hand - draft)


@pytest.mark.parametrize("seed", SEEDS)
def test_draft_is_a_valid_pack_marked_for_review(seed: str, tmp_path: Path) -> None:
    result = drafted(seed)
    path = tmp_path / "draft.yaml"
    path.write_text(result.yaml, encoding="utf-8")
    pack = load_pack_file(path)
    assert pack == result.pack
    assert pack.version == "draft"
    assert all(d.review for d in pack.duties)
    digest = hashlib.sha256((SOURCES / f"{seed}.txt").read_bytes()).hexdigest()
    header = result.yaml.split("\nschema:")[0]
    assert f"# source: {seed}.txt" in header
    assert f"# sha256: {digest}" in header


def test_roles_follow_the_headings_and_owners_the_task_tails() -> None:
    panjin = drafted("panjin").pack
    assert {d.role for d in panjin.duties if d.clause.startswith("三(一)")} == {"party"}
    assert {d.role for d in panjin.duties if d.clause.startswith("三(二)")} == {"government"}
    assert {d.role for d in panjin.duties if d.clause == "四(一)"} == {"party", "government"}
    shapotou = drafted("shapotou").pack
    assert {d.clause[0]: d.role for d in shapotou.duties} == {
        "一": "township_party",
        "二": "township_government",
        "三": "department",
    }
    shizuishan = drafted("shizuishan").pack
    t1 = [d for d in shizuishan.duties if d.clause == "二(一)1"]
    assert t1 and all(
        d.owners == ["市委依法治市办(市司法局)", "政府办公室", "市政府各部门", "各县(区)政府"] for d in t1
    )
    assert all("责任单位" not in d.text for d in shizuishan.duties)
    assert {d.role for d in shizuishan.duties if d.clause == "二(七)41" and d.kind == "count"} == {"township"}
    guangxi = drafted("guangxi").pack  # 第十条: department heads follow the 实施办法
    assert {d.clause for d in guangxi.duties if d.role == "department"} >= {"第六条(一)", "第七条"}


def test_a_sentence_with_several_figures_quotes_each_its_own() -> None:
    duties = [d for d in drafted("shizuishan").pack.duties if d.clause == "二(八)47" and d.kind == "count"]
    assert [(d.text, d.requirement.min) for d in duties] == [  # type: ignore[union-attr]
        ("政府常务会、政府各部门会前学法每年不少于4次", 4),
        ("专题法治讲座不少于2期", 2),
        ("政府各部门主要负责同志每年讲法不少于1次,逐步推动部门负责人在政府常务会会前讲法", 1),  # its own sentence
    ]


def test_match_rules_name_vocabulary_concepts() -> None:
    duties = drafted("panjin").pack.duties
    with_concepts = [d for d in duties if d.match.concepts]
    assert len(with_concepts) / len(duties) >= 0.4
    lecture = next(d for d in duties if d.clause == "三(二)6(22)" and d.kind == "count")
    assert "法治专题讲座" in lecture.match.concepts
    for d in duties:  # a rule on words of the sentence is always flagged for review
        if d.match.any:
            assert all(w in d.text for w in d.match.any)
            assert any("check them against your log" in n for n in d.review)
