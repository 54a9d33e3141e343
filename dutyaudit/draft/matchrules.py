"""A drafted duty's match rule: the shared vocabulary's concepts its sentence names, else its own words.

Where a sentence names no concept of ``packs/vocabulary.yaml`` the rule falls back to a few distinctive
words of the sentence: the pieces left when common verbs and function words (加强, 推进, 健全, 工作 …)
are cut out, preferring the ones few other sentences of the document share. A review note says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, Protocol


class ConceptFinder(Protocol):
    """What drafting needs of the vocabulary (dutyaudit.vocabulary.Vocabulary)."""

    def concepts_named_in(self, sentence: str) -> list[str]: ...


#: Whether a text names a concept the way a log row would (its words, not only a cue): (concept, text) → bool.
Strength = Callable[[str, str], bool]


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
        "并",
        "或",
        "履行好",
        "每人",
        "参加",
        "达到",
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
        "其他",
    ],
    key=len,
    reverse=True,
)
_QUOTED = re.compile(r"“([^”]+)”")
_TITLES = re.compile(r"《[^》]*》")
_CUT = re.compile("|".join(map(re.escape, _STOP)) + r"|[一二两三四五六七八九十]+[次期项个名]|年底前|[^\u4e00-\u9fff]+")


def candidate_words(sentence: str) -> list[str]:
    """Words a log row may echo: terms the sentence quotes (“好差评”), the pieces of 3–12 characters left
    between common words, then every four characters of the longer pieces (群众满意度测评 → 群众满意 …)."""
    out = [q for q in _QUOTED.findall(sentence) if 2 <= len(q) <= 8]
    unquoted = _TITLES.sub("，", sentence)  # a law's title names what is studied, not the duty
    pieces = (
        piece.lstrip("次期项个名人件日天年月").removesuffix("率") for piece in _CUT.split(unquoted)
    )  # after a cut-out number
    whole = [piece for piece in pieces if len(piece) >= 3]
    out += [piece for piece in whole if len(piece) <= 12]
    out += [piece[i : i + 4] for piece in whole if len(piece) > 4 for i in range(len(piece) - 3)]
    return list(dict.fromkeys(out))


_STUDY = re.compile(r"学法|学习|讲座|培训|法治课|讲法|宣讲|授课|考试|研讨|教育")
#: Words of study rows, which name a law's title or topic without doing the work a topic duty asks for.
STUDY_ROWS = ("会前学法", "集体学法", "集体学习", "中心组学习", "专题讲座", "法治讲座", "培训班")
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
    duties: Sequence[tuple[str, str, str, str]],
    vocab: ConceptFinder,
    corpus: Sequence[tuple[str, str]],
    strength: Strength | None = None,
) -> list[tuple[dict[str, Any], list[str]]]:
    """(match mapping, review notes) for each (role, clause, match text, requirement kind — or ``target``
    for a year's target); ``corpus`` is every (clause, sentence) of the document.

    A duty gets the concepts its text names (those it names as a log row would, when ``strength`` tells
    them, else those a cue points to). Within one role, a concept named under several clauses stays only
    with the :data:`SHARED` clause(s) naming it most squarely (fewest other concepts, named earliest), so
    one row does not count for every task that mentions, say, 合法性审查; a concept named under
    :data:`GENERIC` clauses or more gives way to the duty's own words. A count, sum or deadline keeps
    every concept its segment names (that is what it counts); a rate, a duration or a year's target
    concerns one kind of case or outcome, so its own words come first there too. Words of the text no
    other clause uses (quoted terms such as “好差评” first) are added as alternatives.
    """
    named = []
    for _, clause, text, _ in duties:
        cued = vocab.concepts_named_in(text)
        strong = [c for c in cued if strength is None or strength(c, text)]
        words = own_words(text, clause, corpus)
        # a cue alone counts only where the text names nothing as a row would and has no words of its own
        named.append(strong or ([] if words else cued))
    rank: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for (role, clause, _, _), concepts in zip(duties, named, strict=True):
        for i, c in enumerate(concepts):
            rank.setdefault((role, c), []).append((len(concepts), i, clause))
    keep = {key: set(list(dict.fromkeys(cl for _, _, cl in sorted(v)))[:SHARED]) for key, v in rank.items()}
    spread = {key: {e[2] for e in v} for key, v in rank.items()}
    out: list[tuple[dict[str, Any], list[str]]] = []
    for (role, clause, text, kind), concepts in zip(duties, named, strict=True):
        quantified = kind in ("count", "sum", "deadline")
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
            pieces = candidate_words(text) or [_CUT.sub("", text)[:6] or text[:6]]
            match = {"concepts": concepts} if concepts else {"any": pieces[:3]}
            fallback = "its concepts" if concepts else f"its words {'、'.join(pieces[:3])}"
            notes.append(f"no distinctive concept or word: matched on {fallback}; check them against your log")
        elif not concepts:
            notes.insert(0, "names no concept of the vocabulary")
        if not _STUDY.search(text):  # a study row names the law studied: 会前学法《行政复议法》 is not 行政复议 work
            match["none"] = list(STUDY_ROWS)
            notes.append(f"rows about study ({'、'.join(STUDY_ROWS)}) left out: the duty is not a study duty")
        out.append((match, notes))
    return out
