"""A drafted duty's match rule: the shared vocabulary's concepts its sentence names, else its own words.

Where a sentence names no concept of ``packs/vocabulary.yaml`` the rule falls back to a few distinctive
words of the sentence: the pieces left when common verbs and function words (加强, 推进, 健全, 工作 …)
are cut out, preferring the ones few other sentences of the document share. A review note says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from dutyaudit.keywords import BEING_INSPECTED


class ConceptFinder(Protocol):
    """What drafting needs of the vocabulary (dutyaudit.vocabulary.Vocabulary)."""

    def concepts_named_in(self, sentence: str) -> list[str]: ...


#: Whether a text names a concept the way a log row would (its words, not only a cue): (concept, text) → bool.
Strength = Callable[[str, str], bool]
#: A concept's phrases as a log row writes them (会前学法 → 会前学法, 集体学法 …).
Phrases = Callable[[str], Sequence[str]]
#: A concept's narrower neighbours: (other concept, its phrase that holds one of this concept's phrases),
#: e.g. 综合执法 → (法治议事协调机构, 执法协调小组).
Narrower = Callable[[str], Sequence[tuple[str, str]]]


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
        "重点任务",
        "重点工作",
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
        "其中",
        "原则上",
        "通过",
        "按照",
        "根据",
    ],
    key=len,
    reverse=True,
)
_QUOTED = re.compile(r"“([^”]+)”")
#: A list of fields of work (城市管理、市场监管、生态文明…等领域): every log row of those offices names them.
_FIELDS = re.compile(r"(?:[\u4e00-\u9fff]{2,6}、){2,}[\u4e00-\u9fff]{2,6}等(?=[\u4e00-\u9fff]{0,12}(?:领域|行业|方面))")
_TITLES = re.compile(r"《[^》]*》")
#: What follows a cut-out figure: its unit and a date's 前/内/底 (3月15日前制定… → 制定…).
_AFTER_FIGURE = re.compile(r"^[次期项个名人件日天年月]+(?:底前|以前|以内|前|内|底|起)?")
#: 工作 names a document with these (工作规则, 工作要点): kept there, cut elsewhere.
_PAPER = "规则|要点|计划|方案|规程|报告"
_CUT = re.compile(
    "|".join(re.escape(w) + (f"(?!{_PAPER})" if w == "工作" else "") for w in _STOP)
    + r"|[一二两三四五六七八九十]+[次期项个名]|年底前|[^\u4e00-\u9fff]+"
)


def candidate_words(sentence: str) -> list[str]:
    """Words a log row may echo: terms the sentence quotes (“好差评”), the pieces of 3–12 characters left
    between common words, then every four characters of the longer pieces (群众满意度测评 → 群众满意 …)."""
    out = [q for q in _QUOTED.findall(sentence) if 2 <= len(q) <= 8]
    unquoted = _TITLES.sub("，", sentence)  # a law's title names what is studied, not the duty
    unquoted = _FIELDS.sub("，", unquoted)  # 市场监管、生态文明…等领域: fields, which rows name as offices
    pieces = (  # after a cut-out number; a preposition or conjunction before the piece's words (者新修订, 于学法前)
        _AFTER_FIGURE.sub("", piece).lstrip("者于在向将对由并或").removesuffix("率") for piece in _CUT.split(unquoted)
    )
    whole = [piece for piece in pieces if len(piece) >= 3]
    out += [piece for piece in whole if len(piece) <= 12]
    # a phrase's head comes last (培育先进典型 → 先进典型): a log names the thing, seldom the verb before it
    out += [piece[-4:] for piece in whole if len(piece) > 4]
    out += [piece[i : i + 4] for piece in whole if len(piece) > 4 for i in range(len(piece) - 3)]
    return list(dict.fromkeys(out))


_STUDY = re.compile(r"学法|学习|讲座|培训|法治课|讲法|宣讲|授课|考试|研讨|教育")
#: Words of study rows, which name a law's title or topic without doing the work a topic duty asks for.
STUDY_ROWS = ("学法", "集体学习", "集中学习", "中心组学习", "专题讲座", "法治讲座", "培训班")
#: A document most of whose clauses are about study (this share or more) is about study: its duties keep
#: study rows.
STUDY_SHARE = 0.5
#: Words of rows about a mechanism, platform, training or meeting: not one case of a rate's register.
NOT_CASES = ("平台", "机制", "制度", "培训", "学习", "讲座", "会议", "统计", "能力", "通报", "分析")
#: Words of rows about being inspected by another body (督察组来镇检查, 迎检, 配合区人大执法检查): the
#: unit is the object there, not doing its duty; left out of every drafted duty.
INSPECTED = (*BEING_INSPECTED, "来我", "对我区", "对我县", "对我市", "对我镇", "对我乡", "对我局", "迎接")
#: Marks that end a clause of a sentence: a word group names a concept only within one such clause.
_CLAUSE_END = re.compile(r"[,，;；:：。]")


def clause_parts(text: str) -> list[str]:
    """The clauses of a sentence (cut at , ; : and the full stop)."""
    return _CLAUSE_END.split(text)


def together(forms: Sequence[str], text: str) -> bool:
    """Whether one occurrence of each of ``forms`` falls within one clause of ``text`` (研究部署法治政府建设,
    清理…的政府规章、行政规范性文件; not 法治建设的组织领导,…,重要任务亲自督办)."""
    return any(all(f in part for f in forms) for part in _CLAUSE_END.split(text))


_BODY = re.compile(r"(?:工作)?(?:部门|机构|机关|单位|人员|队伍|度|部署|精神|要求|指示)")


#: The rest of an enumeration whose last item names a body's people (…、合法性审查工作队伍): every item
#: of it qualifies the body.
_LISTED_BODY = re.compile(r"(?:、[^、，,；;。：:]{1,12})+?(?:工作)?(?:队伍|人才|人员|机构)")
#: What a sentence fails to do or must not do (拒不履行出庭应诉职责的…, 不得违规干预司法活动, 未经合法性审查的
#: 重大行政决策…不得提交): named as a failing to sanction, not as the activity.
_FAILING = re.compile(r"(?:拒不|不履行|不正确履行|未按|未经|不得|阻碍)[^，,；;。]{0,14}$")
_FAILS = re.compile(r"拒不|不履行|不正确履行|未按")


#: The lead-in of a list of failings (有下列情形之一的，…予以通报批评：).
_CASES = re.compile(r"情形之一|下列情形|下列行为")


def failing(part: str) -> bool:
    """Whether a clause of a sentence names a failing (或者拒不履行出庭应诉职责和法院生效裁判的)."""
    return bool(_FAILS.search(part))


def as_activity(phrase: str, text: str) -> bool:
    """Whether ``text`` names ``phrase`` as an activity somewhere, not only as a body, its people, a
    measure (综合行政执法部门, 法律顾问队伍, 公众参与度), a directive handed down (重大决策部署, 会议精神),
    one item of a list of bodies (行政复议、行政执法、合法性审查工作队伍) or a failing (拒不履行出庭应诉职责)."""
    return any(
        not _BODY.match(text, i + len(phrase))
        and not _LISTED_BODY.match(text, i + len(phrase))
        and not _FAILING.search(text, 0, i)
        and not _FAILS.match(phrase)
        for i in _positions(phrase, text)
    )


def _positions(word: str, text: str) -> list[int]:
    out, i = [], text.find(word) if word else -1
    while i != -1:
        out.append(i)
        i = text.find(word, i + 1)
    return out


#: A unit's name, which every row of that unit holds: no word of a duty (乡镇政府, 街道办事处, 对乡镇, 政府系统).
_UNIT_NAME = re.compile(
    r"[对在由向和与及]?(?:乡镇|街道|乡|镇|县|市|区)?(?:人民政府|政府|街道办事处|办事处|党委|党工委|人大|部门|乡镇|街道)"
    r"(?:系统)?"  # every unit of a branch (政府系统): a word of any of their rows (政府系统党风廉政建设)
)


#: An office's name (县司法局, 县政府办公室, 市委组织部): who does the duty, which rows of every kind name.
_OFFICE = re.compile(r"[县市区乡镇][\u4e00-\u9fff]{1,6}?(?:局|办公室|办|委员会|院|所|部)")


def own_words(sentence: str, clause: str, corpus: Sequence[tuple[str, str]], n: int = 3) -> list[str]:
    """Up to ``n`` candidate words of ``sentence`` that no sentence of another clause contains and that are
    no unit's name (nor part of one: 街道办事 of 街道办事处)."""
    others = [s for c, s in corpus if c != clause]
    return [w for w in candidate_words(sentence) if not any(w in s for s in others) and not unit_name(w, sentence)][:n]


#: A body's meeting, which every row of its meetings names: no word of a duty either (政府常务会, 在政府常).
_MEETING = re.compile(
    r"(?:政府|党委|党组|镇长|乡长|区长|县长|市长)?(?:常务会议|常务会|常委会议|常委会|办公会议|办公会|党组会议|党组会|党委会议|党委会|局务会)"
)


def unit_name(word: str, sentence: str) -> bool:
    """Whether ``word`` is a unit's name or part of one the sentence writes (乡镇政府, 对乡镇, 街道办事), or
    shares two characters or more with a meeting's name there (政府常务会, 在政府常 of 在政府常务会会前讲法)."""
    if _UNIT_NAME.fullmatch(word) or _OFFICE.fullmatch(word):
        return True
    if any(word in m.group(0) for m in _UNIT_NAME.finditer(sentence)):
        return True
    meetings = [m.span() for m in _MEETING.finditer(sentence)]
    return any(min(i + len(word), e) - max(i, s) >= 2 for i in _positions(word, sentence) for s, e in meetings)


def assign_matches(
    duties: Sequence[tuple[str, str, str, str]],
    vocab: ConceptFinder,
    corpus: Sequence[tuple[str, str]],
    strength: Strength | None = None,
    narrower: Narrower | None = None,
    leads: Sequence[str] | None = None,
    phrases: Phrases | None = None,
    parents: Sequence[str] | None = None,
) -> list[tuple[dict[str, Any], list[str]]]:
    """(match mapping, review notes) for each (role, clause, match text, requirement kind — or ``target``
    for a year's target, ``part`` for the rest of a sentence whose figures are duties of their own);
    ``corpus`` is every (clause, sentence) of the document.

    A duty gets the concepts its text names as a log row would (when ``strength`` tells them; without it,
    those a cue points to): a cue alone (督办, 重大决策部署) is no concept of the duty, and the review
    notes name what was left out. A concept named under several clauses stays with each of them: the
    drafted pack is ``exclusive`` (see :mod:`dutyaudit.specificity`), so a row naming, say, 合法性审查
    counts for the clause whose sentence it resembles most, not for every task that mentions it. The rest of a sentence
    with figures names its concepts in passing (…建设行政执法协调监督工作体系, 每年至少开展1次执法监督检查):
    it matches on its own words where it has some. A rate counts cases of
    a register, so rows about a mechanism, platform, training or meeting (:data:`NOT_CASES`) are left
    out of it. Words of the text no other clause uses (quoted terms such as “好差评” first) are added as
    alternatives.
    """
    named: list[list[str]] = []
    cue_only: list[list[str]] = []
    leads = leads or [""] * len(duties)
    for (_, _, text, _), lead in zip(duties, leads, strict=True):
        cued = vocab.concepts_named_in(text)
        strong = [c for c in cued if strength is None or strength(c, text)]
        if _CASES.search(lead):  # an item of a list of failings to sanction names no activity
            strong = []
        elif lead:  # an item of a list (涉及土地征收…的案件) is a case of what its lead-in names (应当出庭应诉)
            strong += [
                c for c in vocab.concepts_named_in(lead) if c not in strong and (strength is None or strength(c, lead))
            ]
        named.append(strong)
        cue_only.append([c for c in cued if c not in strong])
    chosen = []
    for n, ((_, clause, text, kind), concepts) in enumerate(zip(duties, named, strict=True)):
        words = own_words(text, clause, corpus)
        # the rest of a sentence with figures names the figures' concepts in passing (…建设行政执法协调监督工作体系,
        # 每年至少开展1次执法监督检查); one only the rest names (…工作领导小组, 每年召开会议研究部署…) is its own
        figures = {
            c
            for m, (_, other, _, k) in enumerate(duties)
            if m != n and other == clause and k != "part"
            for c in named[m]
        }
        chosen.append((words, [c for c in concepts if c not in figures] if kind == "part" and words else concepts))
    kept = {(role, c) for (role, *_), (_, squarely) in zip(duties, chosen, strict=True) for c in squarely}
    # a document about study (学法计划, 会前学法制度): each of its rows names 学法, whatever its duty
    clauses = {clause for _, clause, _, _ in duties}
    studying = {clause for _, clause, text, _ in duties if _STUDY.search(text)}
    study_document = len(studying) >= STUDY_SHARE * len(clauses)
    out: list[tuple[dict[str, Any], list[str]]] = []
    for n, ((role, _, text, kind), concepts, loose, (words, squarely)) in enumerate(
        zip(duties, named, cue_only, chosen, strict=True)
    ):
        others = [c for c in concepts if c not in squarely]
        why = "named in passing beside the sentence's figures"
        match: dict[str, Any] = {}
        notes = []
        if squarely:
            match["concepts"] = squarely
            notes.append(f"concepts {'、'.join(squarely)}")
        if others:
            notes.append(f"left out concepts {'、'.join(others)} ({why})")
        if loose and strength is not None:
            notes.append(f"left out concepts {'、'.join(loose)}: only a cue of theirs occurs, not their words")
        if words:
            match["any"] = words
            notes.append(f"matched on words only this clause uses: {'、'.join(words)}; check them against your log")
        if not match:
            # no short common word (听取, 汇报): a longer piece of the sentence, quoted as it stands
            pieces = [w for w in candidate_words(text) if not unit_name(w, text)]
            pieces = pieces or [max(re.split(r"[^\u4e00-\u9fff]+", text), key=len) or text]
            match = {"concepts": concepts} if concepts else {"any": pieces[:3]}
            fallback = "its concepts" if concepts else f"its words {'、'.join(pieces[:3])}"
            notes.append(f"no distinctive concept or word: matched on {fallback}; check them against your log")
        elif not concepts:
            notes.insert(0, "names no concept of the vocabulary")
        if not study_document and not _STUDY.search(
            text
        ):  # a study row names the law studied: 会前学法《行政复议法》 is not 行政复议 work
            match["none"] = list(STUDY_ROWS)
            notes.append(f"rows about study ({'、'.join(STUDY_ROWS)}) left out: the duty is not a study duty")
        inner = [
            phrase
            for c in squarely
            for other, phrase in (narrower(c) if narrower else ())
            if (role, other) in kept and other not in concepts and other not in loose and phrase not in text
        ]
        if inner:  # a row naming a narrower concept another duty keeps is that duty's
            match["none"] = list(dict.fromkeys([*match.get("none", []), *inner]))
            notes.append(f"rows naming narrower concepts ({'、'.join(dict.fromkeys(inner))}) left out")
        parent = parents[n] if parents else ""
        of = [c for c in vocab.concepts_named_in(parent) if strength is None or strength(c, parent)]
        if of and phrases is not None and not set(of) & set(squarely):
            # an item of what a concept's activity covers (会前学法…主要内容包括：宪法…): a row names that activity
            match["all"] = ["|".join(dict.fromkeys(w for c in of for w in phrases(c)))]
            notes.append(f"an item of what {'、'.join(of)} covers: a row must name {'、'.join(of)} too")
        if kind == "rate":
            match["none"] = list(dict.fromkeys([*match.get("none", []), *NOT_CASES]))
            notes.append(f"a rate counts cases: rows about {'、'.join(NOT_CASES)} left out")
        match["none"] = list(dict.fromkeys([*match.get("none", []), *INSPECTED]))
        out.append((match, notes))
    return out
