"""Text that stops mid-sentence: a copy cut short (a partial download, a text layer of the first
pages only). Nothing is rebuilt; `truncated` in `metadata.suspected` lets rules about the end of a
document (signatures, results) answer «не удалось проверить» instead of «нет».

A text that ends on the title of its plan («Комплекс мер (дорожная карта) …», «План мероприятий …») right
under the stamp that approves it lost the plan. Otherwise the last running-text paragraph must end on a
comma, a dash, a colon or an opening bracket, or on a preposition or conjunction — or the last block of
running text (a paragraph, a heading or a list item) must end in the middle of a word: a lower-case word the
dictionary does not know («образовательным уч», «Сохранение и укрепл»), a lone letter after a word
(«имени Г», «приоритеты и м»), an adjective's stem without its ending («2. Федеральн»), or a contents entry's
dot leader without its page number; so may the last cell of a table that ends the text. A capitalised word
the dictionary does not know is a surname as often as not («Директор … Чупилко»): it alone is no cut, unless it
opens a sentence and begins a known word («… mail.ru. Прилож»). A lone letter on the last line under a line
that ends on a word («утвержденная Президентом» / «Р») is a cut, and so is a quotation opened near the end and
never closed («"группы риск»). A straight double quote at the end opens a quotation only when the quotes
before it are paired: «на тему "А.С.Пушкин. … в творчестве."» ends whole.
"""

from __future__ import annotations

import re
from itertools import pairwise

from checker.document import Block, Document
from checker.layout.lines import Context
from checker.parsers.text import known_word

_DANGLING = re.compile(
    r"(?:[,(«–—-]|\b(?:и|в|во|на|по|с|со|для|о|об|к|а|или|что|от|до|при|за|из|не|как|также|а\s+также|"
    r"в\s+том\s+числе|которые|который|которая|которых))\s*$",
    re.IGNORECASE,
)
_MIN_CHARS = 40


# The title of the plan the document goes on to set out: a text that ends on it lost the plan.
_PLAN_TITLE = re.compile(
    r"(?:комплекс\s+мер|план\s+мероприятий|перечень\s+мероприятий|дорожная\s+карта|план-график)\b", re.IGNORECASE
)


def _announces_plan(text: str) -> bool:
    """A title (no full stop at its end) naming the plan: the text of the plan was to follow."""
    text = text.strip()
    return len(text) <= 400 and not text.endswith((".", "!", "?")) and _PLAN_TITLE.match(text) is not None


_APPENDIX = re.compile(r"утвержд|приложени", re.IGNORECASE)


def _index(document: Document, block: Block) -> int:
    return next(i for i, b in enumerate(document.blocks) if b is block)


def _bare(text: str) -> str:
    """The text without its trailing spaces and a web table's trailing « |» (no closing mark)."""
    return text.rstrip().rstrip("|").rstrip()


def _appended(document: Document, last: Block) -> bool:
    """The title comes right under the stamp of the act that approves the plan («УТВЕРЖДЕН распоряжением …»,
    «Приложение к приказу …»): the plan itself was to follow."""
    index = _index(document, last)
    return any(_APPENDIX.search(b.text) for b in document.blocks[max(0, index - 4) : index])


# the last word of a text that stops without a closing mark (a web table's trailing « |» is no mark)
_TAIL = re.compile(r"(?:^|[\s(«\"])(?P<word>[а-яё]+)\W*$", re.IGNORECASE)
_CLOSED = re.compile(r"[.!?…:;)»\"\]]\s*$")
# an adjective or participle stem without its ending: no Russian word form ends so («Федеральн», «Общеобразовательн»)
_STEM = re.compile(r"(?:ль|[бвгджзклмпрстфхцчшщ])н$", re.IGNORECASE)
_DOT_LEADER = re.compile(r"(?:\.{4,}|…{2,})\s*$")
_CUT_KINDS = frozenset({"paragraph", "heading", "list_item"})


def _cut_word(text: str) -> bool:
    """The text stops in the middle of a word (see the module's note)."""
    text = _bare(text)
    if _DOT_LEADER.search(text):
        return True  # a contents entry cut before its page number
    if not text or _CLOSED.search(text):
        return False
    m = _TAIL.search(text[-80:])
    if m is None:
        return False
    word = m.group("word")
    before = text[: len(text) - len(text[-80:]) + m.start("word")].rstrip()
    if len(word) == 1:
        return bool(before) and before[-1].isalpha()  # «имени Г», not «100 м»
    if word[0].isupper():
        if word.isupper():
            return False
        if _STEM.search(word) is not None:
            return True
        if _sentence_fragment(word, before):
            return True  # «… на адрес электронной почты. Прилож»
        # the first word of a numbered heading or item: a title, not a surname («2.1. Результа»)
        return _SECTION_NO.match(before) is not None and not _SURNAME.search(word) and _fragment(word)
    return _fragment(word)


# a full stop before a capitalised word: the word opens a new sentence; initials before it make it a surname
_SENTENCE_END = re.compile(r"[а-яёa-z0-9)»\"][.!?]$")
_INITIALS = re.compile(r"(?:^|\s)[А-ЯЁ]\.\s?[А-ЯЁ]?\.?$")
_MIN_FRAGMENT = 4


def _sentence_fragment(word: str, before: str) -> bool:
    """A capitalised word the dictionary does not know, opening a sentence, that begins words it knows
    («… mail.ru. Прилож» — «Приложение»): the first word of a sentence cut short. A surname's ending or
    initials before it («Е.В. Крылова», «Чупилко») leave it whole."""
    return (
        len(word) >= _MIN_FRAGMENT
        and _SENTENCE_END.search(before) is not None
        and _INITIALS.search(before) is None
        and not _SURNAME.search(word)
        and _fragment(word)
    )


_SECTION_NO = re.compile(r"^(?:\d{1,2}\.)+\d{0,2}\.?$|^\d{1,2}\)$")
# the endings of Russian surnames: such a word may be a name the dictionary does not know, not a cut
_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ий|ой|ко|ук|юк|ич|их|ых|ян|дзе|швили)$", re.IGNORECASE)


# Two-letter words that end a phrase whole: pronouns, particles, short forms (others — «пу», «ра» — are the
# start of a word the dictionary happens to list as a rare one)
_WHOLE_SHORT = frozenset(
    ("он", "мы", "вы", "им", "их", "ей", "ею", "ее", "её", "же", "ли", "бы", "уж", "да", "но", "то", "ни", "не",
     "до", "от", "за", "из", "об", "со", "ко", "во", "на", "по", "ну", "ох", "ах", "кл", "гг", "вв", "пр", "др",
     "см", "км", "мм")
)  # fmt: skip


def _fragment(word: str) -> bool:
    """A lower-case word the dictionary does not know but that begins some word it knows («укрепл» —
    «укрепление», «уч» — «учреждениям»); an unknown whole word («тьюторов», «коучинга») is not cut. Two
    letters that are not a whole short word («работы пу») are a cut too."""
    if len(word) == 2 and word.lower() not in _WHOLE_SHORT:
        return True
    if known_word(word) is not False:
        return False
    try:
        from checker.language.morphology import analyzer

        return next(iter(analyzer().dictionary.words.iterkeys(word.lower())), None) is not None
    except Exception:  # no dictionary: decide without it
        return False


# running text: a sentence closed and the next one begun
_SENTENCE_BREAK = re.compile(r"[а-яё)»\"][.!?]\s+[А-ЯЁ]")
_RUNNING_CHARS = 200


def _open_quote(text: str) -> bool:
    """The text ends on a letter inside a quotation it opened a few words before and never closed
    («… выявление обучающихся "группы риск»): a quoted name does not end a text without its closing mark.
    Straight quotes open and close alike: an odd count leaves the last one open."""
    text = text.rstrip()
    if not text or not text[-1].isalpha():
        return False
    tail = text[-_QUOTE_SPAN:]
    for opening, closing in (("«", "»"), ("„", "“")):
        at = tail.rfind(opening)
        if at >= 0 and closing not in tail[at:]:
            return True
    at = text.rfind('"')
    return at >= len(text) - _QUOTE_SPAN and text.count('"') % 2 == 1 and text[at + 1 : at + 2].isalpha()


_QUOTE_SPAN = 80


def _dangling_quote(text: str) -> bool:
    """A straight double quote at the very end opens a quotation when the quotes before it are paired («на
    тему "»); after an odd number it closes one («на тему "А.С.Пушкин. … в творчестве."»)."""
    return text.rstrip().endswith('"') and text.count('"') % 2 == 1


def _cut_sentence(text: str, running: bool) -> bool:
    """A paragraph that stops mid-sentence: on a preposition, a conjunction, a comma or an opening quote, or
    inside a quotation it opened; or running text (closed sentences before) whose last sentence ends on a
    lower-case word with no closing mark."""
    text = text.rstrip()
    if len(text) >= _MIN_CHARS and (_DANGLING.search(text[-40:]) or _dangling_quote(text) or _open_quote(text)):
        return True
    tail = _bare(text)
    if not running or len(tail) < _RUNNING_CHARS or _CLOSED.search(tail) or not _SENTENCE_BREAK.search(tail):
        return False
    m = _TAIL.search(tail[-80:])
    return m is not None and m.group("word")[0].islower()


# A line of any length that stops on a preposition or a conjunction after a word («6. Концепция об»): lower
# case only («Приложение В» names an annex), no unit after a number («45 с»).
_OPEN_END = re.compile(
    r"[а-яёa-z»\")]\s+(?:об|обо|в|во|на|для|по|с|со|к|ко|о|от|до|при|из|без|под|над|через|между|и|или)$"
)
# a date broken off after its day or month («протокол от 03.», «приказ от 24.12»)
_OPEN_DATE = re.compile(r"\bот\s+\d{1,2}\.(?:\d{1,2}\.?)?$", re.IGNORECASE)
# the items of a numbered list inside one paragraph or cell: «1. … 2. … 3. …»
_ITEM = re.compile(r"(?:^|(?<=\s))(\d{1,2})\.\s+(?=[А-ЯЁA-Z«\"])")
_ITEM_CLOSED = re.compile(r"[.;!?…]\W*$")
_MIN_ITEMS = 3


def _open_end(text: str) -> bool:
    """The text stops on a preposition or a conjunction, or in the middle of a date."""
    text = _bare(text)
    return _OPEN_END.search(text) is not None or _OPEN_DATE.search(text) is not None


def _cut_list(text: str, last_from: int = 0) -> bool:
    """A numbered list whose items each close with a full stop or a semicolon, all but the last: the list
    stops inside its last item («1. Федеральный закон … . 2. … . 3. Федеральный проект «Цифровая …»»). The
    last item begins at `last_from` or later (in the last block: a signature after a list is no item)."""
    marks = list(_ITEM.finditer(text))
    starts = [k for k, m in enumerate(marks) if m.group(1) == "1"]
    marks = marks[starts[-1] :] if starts else []
    if not marks or marks[-1].start() < last_from:
        return False
    if len(marks) < _MIN_ITEMS or [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
        return False
    items = [text[a.start() : b.start()] for a, b in pairwise(marks)]
    last = _bare(text[marks[-1].start() :])
    return all(_ITEM_CLOSED.search(item.rstrip()) for item in items) and not _ITEM_CLOSED.search(last)


def _lone_letter(document: Document, last: Block) -> bool:
    """A single letter on a line of its own under a line that ends on a word («… утвержденная Президентом» /
    «Р»): the first letter of the next word, cut off with the rest (a lone letter after a word on the same
    line is `_cut_word`'s case)."""
    text = last.text.strip()
    if len(text) != 1 or not text.isalpha():
        return False
    index = _index(document, last)
    above = next((b for b in reversed(document.blocks[:index]) if b.text.strip()), None)
    if above is None or above.role is not None or above.kind not in _CUT_KINDS:
        return False
    prev = above.text.rstrip()
    return len(prev) >= _MIN_CHARS and prev[-1].isalpha()


def _suspect(document: Document) -> None:
    if "truncated" not in document.metadata.suspected:
        document.metadata.suspected.append("truncated")


_MARGINAL = frozenset({"header", "footer", "footnote", "endnote", "comment"})
_LIST_SPAN = 12  # blocks at the end read together for a numbered list cut inside its last item


def _last_entry(document: Document) -> Block | None:
    """The last block of the text when it is a contents entry: a contents list the copy breaks off in."""
    for block in reversed(document.blocks):
        if not block.text.strip() or block.role in _MARGINAL:
            continue
        if block.role == "contents" and block.kind != "heading" and block.table is None:
            return block
        return None
    return None


def _ends_cut(text: str) -> bool:
    """The last words of a text stop mid-word, on a preposition or inside a date."""
    return _cut_word(text) or _open_end(text)


def _tail_text(document: Document, last: Block) -> str:
    """The running text of the last blocks, up to `last`: a numbered list may be one block per item."""
    index = _index(document, last)
    texts: list[str] = []
    for block in reversed(document.blocks[max(0, index - _LIST_SPAN) : index + 1]):
        if block.role is not None or block.kind not in _CUT_KINDS:
            break
        texts.append(block.text.strip())
    return " ".join(reversed(texts))


def run(document: Document, context: Context) -> Document:
    entry = _last_entry(document)
    if entry is not None and _ends_cut(entry.text):
        _suspect(document)  # «4.6.5. Здоровый образ жизни и здор»: the copy stops inside its contents
        return document
    last = next((b for b in reversed(document.blocks) if b.role is None and b.text.strip()), None)
    if last is not None and last.kind != "table" and _announces_plan(last.text) and _appended(document, last):
        _suspect(document)
        return document
    if last is not None and last.table is not None and last.table.rows:
        # a table ends nothing mid-sentence, but its last cell may stop mid-word (a passport or a plan
        # rebuilt from a copy cut short: «Создание условий для перехода … работы пу») or inside a list
        cells = [c.text for c in last.table.rows[-1].cells if c.text.strip()]
        if cells and (_ends_cut(cells[-1]) or _cut_list(cells[-1])):
            _suspect(document)
        return document
    if last is None or last.kind not in _CUT_KINDS:
        return document
    # a paragraph the table pass suspects of holding table cells run together ends on a cell, not mid-sentence
    running = last.kind == "paragraph" and "flattened_table" not in document.metadata.suspected
    if (
        _ends_cut(last.text)
        or _lone_letter(document, last)
        or (last.kind == "paragraph" and _cut_sentence(last.text, running))
        or _cut_list(tail := _tail_text(document, last), len(tail) - len(last.text.strip()))
    ):
        _suspect(document)
    return document
