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
        "履行好",
        "研究解决",
        "每年",
        "每半年",
        "每季度",
        "每月",
        "年度",
        "年内",
        "举办",
        "召开",
        "定期",
        "以上",
        "不少于",
        "至少",
        "各",
        "个",
        "其他",
    ],
    key=len,
    reverse=True,
)
_QUOTED = re.compile(r"“([^”]+)”")
_CUT = re.compile("|".join(map(re.escape, _STOP)) + r"|[^\u4e00-\u9fff]+")


def candidate_words(sentence: str) -> list[str]:
    """Words a log row may echo: terms the sentence quotes (“好差评”), then the pieces of 3–8 characters
    left between common words."""
    out = [q for q in _QUOTED.findall(sentence) if 2 <= len(q) <= 8]
    pieces = (piece.lstrip("次期项个名人件日天年月") for piece in _CUT.split(sentence))  # after a cut-out number
    out += [piece for piece in pieces if 3 <= len(piece) <= 8]
    return list(dict.fromkeys(out))


#: A concept stays with this many clauses at most: those naming it most squarely.
SHARED = 1
#: A concept named under this many clauses is generic in the document: a duty with words of its own
#: matches on those instead.
GENERIC = 3


def own_words(sentence: str, clause: str, corpus: Sequence[tuple[str, str]], n: int = 3) -> list[str]:
    """Up to ``n`` candidate words of ``sentence`` that no sentence of another clause contains."""
    others = [s for c, s in corpus if c != clause]
    return [w for w in candidate_words(sentence) if not any(w in s for s in others)][:n]


def assign_matches(
    duties: Sequence[tuple[str, str, str, bool]], vocab: ConceptFinder, corpus: Sequence[tuple[str, str]]
) -> list[tuple[dict[str, Any], list[str]]]:
    """(match mapping, review notes) for each (role, clause, match text, quantified); ``corpus`` is every
    (clause, sentence) of the document.

    A duty gets the concepts its text names. Within one role, a concept named under several clauses stays
    only with the :data:`SHARED` clause(s) naming it most squarely (fewest other concepts, named earliest),
    so one row does not count for every task that mentions, say, 合法性审查; a concept named under
    :data:`GENERIC` clauses or more gives way to the duty's own words. A figure keeps every concept its
    segment names (that is what it counts). Words of the text no other clause uses (quoted terms such as
    “好差评” first) are added as alternatives.
    """
    named = [vocab.concepts_named_in(text) for _, _, text, _ in duties]
    rank: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for (role, clause, _, _), concepts in zip(duties, named, strict=True):
        for i, c in enumerate(concepts):
            rank.setdefault((role, c), []).append((len(concepts), i, clause))
    keep = {key: set(list(dict.fromkeys(cl for _, _, cl in sorted(v)))[:SHARED]) for key, v in rank.items()}
    spread = {key: {e[2] for e in v} for key, v in rank.items()}
    out: list[tuple[dict[str, Any], list[str]]] = []
    for (role, clause, text, quantified), concepts in zip(duties, named, strict=True):
        words = own_words(text, clause, corpus)
        squarely = [
            c
            for c in concepts
            if quantified or (clause in keep[role, c] and (len(spread[role, c]) < GENERIC or not words))
        ]
        others = [c for c in concepts if c not in squarely]
        match: dict[str, Any] = {}
        notes = []
        if squarely:
            match["concepts"] = squarely
            notes.append(f"concepts {'、'.join(squarely)}")
        if others:
            notes.append(f"left out concepts {'、'.join(others)} (named more squarely under other clauses)")
        if words:
            match["any"] = words
            notes.append(f"matched on words only this clause uses: {'、'.join(words)}; check them against your log")
        if not match:
            match = {"concepts": concepts} if concepts else {"any": [text[:6]]}
            fallback = "its concepts" if concepts else "its opening words"
            notes.append(f"no distinctive concept or word: matched on {fallback}")
        elif not concepts:
            notes.insert(0, "names no concept of the vocabulary")
        out.append((match, notes))
    return out
