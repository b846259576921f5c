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
the dictionary does not know is a surname as often as not («Директор … Чупилко»): it alone is no cut.
"""

from __future__ import annotations

import re

from checker.document import Block, Document
from checker.layout.lines import Context
from checker.parsers.text import known_word

_DANGLING = re.compile(
    r"(?:[,(«\"–—-]|\b(?:и|в|во|на|по|с|со|для|о|об|к|а|или|что|от|до|при|за|из|не|как|также|а\s+также|"
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


def _appended(document: Document, last: Block) -> bool:
    """The title comes right under the stamp of the act that approves the plan («УТВЕРЖДЕН распоряжением …»,
    «Приложение к приказу …»): the plan itself was to follow."""
    index = next(i for i, b in enumerate(document.blocks) if b is last)
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
    text = text.rstrip().rstrip("|").rstrip()
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
        return not word.isupper() and _STEM.search(word) is not None
    return _fragment(word)


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


def _cut_sentence(text: str, running: bool) -> bool:
    """A paragraph that stops mid-sentence: on a preposition, a conjunction or a comma; or running text (closed
    sentences before) whose last sentence ends on a lower-case word with no closing mark."""
    text = text.rstrip()
    if len(text) >= _MIN_CHARS and _DANGLING.search(text[-40:]):
        return True
    tail = text.rstrip("|").rstrip()
    if not running or len(tail) < _RUNNING_CHARS or _CLOSED.search(tail) or not _SENTENCE_BREAK.search(tail):
        return False
    m = _TAIL.search(tail[-80:])
    return m is not None and m.group("word")[0].islower()


def _suspect(document: Document) -> None:
    if "truncated" not in document.metadata.suspected:
        document.metadata.suspected.append("truncated")


def run(document: Document, context: Context) -> Document:
    last = next((b for b in reversed(document.blocks) if b.role is None and b.text.strip()), None)
    if last is not None and last.kind != "table" and _announces_plan(last.text) and _appended(document, last):
        _suspect(document)
        return document
    if last is not None and last.table is not None and last.table.rows:
        # a table ends nothing mid-sentence, but its last cell may stop mid-word (a passport or a plan
        # rebuilt from a copy cut short: «Создание условий для перехода … работы пу»)
        cells = [c.text for c in last.table.rows[-1].cells if c.text.strip()]
        if cells and _cut_word(cells[-1]):
            _suspect(document)
        return document
    if last is None or last.kind not in _CUT_KINDS:
        return document
    # a paragraph the table pass suspects of holding table cells run together ends on a cell, not mid-sentence
    running = last.kind == "paragraph" and "flattened_table" not in document.metadata.suspected
    if _cut_word(last.text) or (last.kind == "paragraph" and _cut_sentence(last.text, running)):
        _suspect(document)
    return document
