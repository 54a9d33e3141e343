"""A drafted duty's match rule: the shared vocabulary's concepts its sentence names, else its own words.

Where a sentence names no concept of ``packs/vocabulary.yaml`` the rule falls back to a few distinctive
words of the sentence: the pieces left when common verbs and function words (加强, 推进, 健全, 工作 …)
are cut out, preferring the ones few other sentences of the document share. A review note says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol


class ConceptFinder(Protocol):
    """What drafting needs of the vocabulary (dutyaudit.vocabulary.Vocabulary)."""

    def concepts_named_in(self, sentence: str) -> list[str]: ...


_STOP = sorted(
    [
        "进一步",
        "不断",
        "切实",
        "认真",
        "积极",
        "深入",
        "全面",
        "严格",
        "依法",
        "依规",
        "加强",
        "加快",
        "加大",
        "推进",
        "推动",
        "推行",
        "健全",
        "完善",
        "建立",
        "落实",
        "贯彻",
        "坚持",
        "实施",
        "开展",
        "组织",
        "强化",
        "提高",
        "提升",
        "规范",
        "做好",
        "抓好",
        "支持",
        "保障",
        "确保",
        "充分",
        "发挥",
        "重视",
        "注重",
        "有效",
        "及时",
        "主动",
        "自觉",
        "着力",
        "大力",
        "扎实",
        "不得",
        "应当",
        "必须",
        "要",
        "作为",
        "纳入",
        "形成",
        "实现",
        "得到",
        "以及",
        "工作",
        "制度",
        "机制",
        "体系",
        "体制",
        "建设",
        "有关",
        "相关",
        "重要",
        "重大",
        "主要",
        "各项",
        "各级",
        "各类",
        "本级",
        "本地区",
        "本地",
        "本部门",
        "本乡镇",
        "全市",
        "全区",
        "全县",
        "领导",
        "负责人",
        "主要负责人",
        "第一责任人",
        "职责",
        "作用",
        "能力",
        "水平",
        "情况",
        "内容",
        "方面",
        "问题",
        "措施",
        "意识",
        "法治建设",
        "法治政府建设",
        "法治",
        "依法行政",
        "的",
        "和",
        "与",
        "及",
        "等",
        "在",
        "对",
        "把",
        "将",
        "为",
        "中",
        "于",
        "由",
        "向",
        "从",
        "以",
        "并",
        "或",
        "其",
        "之",
        "是",
        "了",
        "各",
        "个",
        "其他",
    ],
    key=len,
    reverse=True,
)
_CUT = re.compile("|".join(map(re.escape, _STOP)) + r"|[^\u4e00-\u9fff]+")


def candidate_words(sentence: str) -> list[str]:
    """Pieces of a sentence left between common words, cut to at most four characters."""
    out: list[str] = []
    for piece in _CUT.split(sentence):
        while len(piece) > 4:
            out.append(piece[:4])
            piece = piece[4:]
        if len(piece) >= 2:
            out.append(piece)
    return list(dict.fromkeys(out))


#: A concept named by more clauses than this is too common in the document to tell them apart alone.
SHARED = 1


def own_words(sentence: str, corpus: Sequence[str], n: int = 3) -> list[str]:
    """The ``n`` candidate words of ``sentence`` that the fewest sentences of ``corpus`` share."""
    words = candidate_words(sentence)

    def shared(w: str) -> int:
        return sum(1 for s in corpus if w in s)

    return sorted(words, key=lambda w: (len(w) < 3, shared(w), -len(w)))[:n]


def assign_matches(
    duties: Sequence[tuple[str, str]], vocab: ConceptFinder, corpus: Sequence[str]
) -> list[tuple[dict[str, Any], list[str]]]:
    """(match mapping, review notes) for each (clause, match text).

    A duty gets the concepts its text names, but a concept named under many clauses stays only with the
    :data:`SHARED` clauses that name it most squarely (fewest other concepts, named earliest), so that
    one row does not count for every task mentioning, say, 合法性审查. A duty whose concepts all went
    elsewhere keeps them but also needs one of its text's own words; a text naming no concept is
    matched on its own words.
    """
    named = [vocab.concepts_named_in(text) for _, text in duties]
    rank: dict[str, list[tuple[int, int, str]]] = {}
    for (clause, _), concepts in zip(duties, named, strict=True):
        for i, c in enumerate(concepts):
            rank.setdefault(c, []).append((len(concepts), i, clause))
    keep: dict[str, set[str]] = {}
    for c, entries in rank.items():
        best = list(dict.fromkeys(clause for _, _, clause in sorted(entries)))
        keep[c] = set(best[:SHARED])
    out: list[tuple[dict[str, Any], list[str]]] = []
    for (clause, text), concepts in zip(duties, named, strict=True):
        if not concepts:
            words = own_words(text, corpus) or [text[:4]]
            note = f"names no concept of the vocabulary: matched on its own words {'、'.join(words)}; check them"
            out.append(({"any": words}, [note]))
            continue
        squarely = [c for c in concepts if clause in keep[c]]
        others = [c for c in concepts if c not in squarely]
        if squarely:
            note = f"concepts {'、'.join(squarely)}"
            if others:
                note += f"; left out {'、'.join(others)} (named more squarely under other clauses)"
            out.append(({"concepts": squarely}, [note]))
            continue
        words = own_words(text, corpus)
        if not words:
            out.append(({"concepts": concepts}, [f"concepts {'、'.join(concepts)}, shared with other clauses"]))
            continue
        note = f"concepts {'、'.join(concepts)} are named more squarely elsewhere: a row also needs {'、'.join(words)}"
        out.append(({"concepts": concepts, "all": ["|".join(words)]}, [note]))
    return out
