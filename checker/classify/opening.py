"""Where a document says what it is: the opening without debris, and its title zone.

Real files carry a lot before the title: site menus, `|` debris of web tables, letterheads,
approval blocks («УТВЕРЖДАЮ … директор … подпись … дата»), «Приложение № 1 к приказу …» lines,
e-signature stamps and OCR debris of stamps. `opening_lines` skips them; `title_zone` is the first few
lines after that (and after a contents page standing before the title) — the document's own title, which
says what the document IS (the rest only says what it mentions)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from checker.document import MARGINAL_ROLES, Block, Document
from checker.language.approval_shapes import (
    AGREE_WORD,
    ANNEX_LINE,
    APPROVE_WORD,
    BLOCK_MARKER,
    COUNCIL_WORD,
    ESIGN_LINE,
    TITLE_START,
)
from checker.language.normalize import normalize

OPENING_CHARS = 1500
TITLE_LINES = 4
TITLE_CHARS = 420

_DEBRIS = re.compile(r"^[\s|*•·\-–—_=#>]*$")
# lines of an approval block after its marker: signer, organisation, signature, date, order
_APPROVAL_LINE = re.compile(
    r"(директор|начальник|руководител|заведующ|ректор|глава|председател|министр|приказ|протокол|решени|совет|"
    r"_{2,}|\b\d{4}\s*г|управлени|администраци|\bм[бак]?оу\b|\bгбоу\b|сош|оош|лице|гимнази|"
    r"образовани\w*\s+\w+ск\w*\s+(район|округ|кра|област)|"
    r"\b[а-я]\.\s?[а-я]\.|^\W*\d{1,2}\W+\w+\W+\d{2,4}|^от\s|^№|^\"?\s*_*\s*\"?\s*_{2,}|"
    # an annex mark's lines: «к приказу / министерства образования / Амурской области / от … N …»
    r"^к\s+(приказу|постановлению|распоряжению|решению)|министерств|департамент|правительств|"
    r"^\w+ск\w+\s+(област|кра[йя]|республик)\w*\W*$|^\(?\s*в\s+редакции\b)"
)
# an amendment note under an approval block: «(в редакции распоряжения … от …)»
_AMENDED = re.compile(r"^\(\s*в\s+редакции\b")
_BLOCK_DATE = re.compile(r'"\s*\d{1,2}\s*"\s*\w+\s+\d{4}|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b\d{1,2}\s+[а-я]+\s+\d{4}')
# the letterhead over a title: ministry, authority, school's full name, town
_LETTERHEAD = re.compile(
    r"^(министерств|управлени|отдел\s|комитет|департамент|администраци|муниципальн\w+\s+(бюджетн|автономн|казенн)|"
    r"государственн\w+\s+(бюджетн|автономн|казенн)|гбоу|гаоу|мбоу|маоу|мкоу|моу|(гау|гбу|гку|мау|мбу|мку|ау|бу)\s|"
    r"\w+\s+дпо\s|средн\w+\s+общеобразовательн|"
    r"основн\w+\s+общеобразовательн|г\.\s|город\s|ст\.\s|станиц|с\.\s|село\s|мо\s|\w+ск\w+\s+район|"
    r"\w+ск\w+\s+(кра[йя]|област\w+|муниципальн\w+ (район|округ))|"
    # a school's full name alone on its line: «муниципальное общеобразовательное учреждение», «Луговская средняя
    # общеобразовательная школа»
    r"муниципальн\w+\s+(\w+\s+)?образовательн\w+\s+(учреждени|организаци)|"
    r"(\w+\s+){0,2}(средн|основн|начальн)\w+\s+(обще)?образовательн\w+\s+(школ|учреждени)\w*\W*$)"
)
# site navigation: menu items of school and authority web pages
_MENU = re.compile(
    r"^(главная|новости|контакты|о нас|о школе|документы|деятельность|образование|сведения об образовательной "
    r"организации|основные сведения|структура и органы управления\w*|руководство.*|материально-техническое .*|"
    r"платные образовательные услуги|вакантные места.*|педагогический состав|проект 500\+|500\+|шнор|"
    r"сведения об организации|версия для слабовидящих|поиск|вход|меню|назад|на главную|печать|"
    r"опубликовано:?.*|просмотров:?\s*\d*|дата публикации:?.*|визитная карточка|"
    # the banner of a legal-database copy (ГАРАНТ, КонсультантПлюс)
    r"вы можете открыть актуальную версию документа.*|если вы являетесь пользователем .*(гарант|консультант).*|"
    r"документ предоставлен консультантплюс.*)\W*$"
)
# a row of a school's information card on its site: «Адрес: | …», «Руководитель: | …»
_CARD_ROW = re.compile(r"^[\w\s.,()-]{2,40}:\s*\|")


_TITLE_INSIDE = re.compile(
    r"\s(?=(программ\w*\s+(перехода|повышения|развития|антирисков|мер|поддержки|проведения)|дорожн\w+ карт|"
    r"план\w*(-график|\s+мероприятий)|пресс-релиз|информационн\w+ справк|аналитическ\w+ справк|"
    r"концептуальн\w+ документ|среднесрочн|антирисков|лист\w* регистрации|систем\w+ работы|"
    r"модел\w+ (работы|сопровождения|поддержки)|"
    r"отч[её]т\w* о))"
)


def _split_title(norm: str) -> str | None:
    """A letterhead or approval block run together with the title on one line (wrapped text, PDF):
    the title part, or None."""
    m = _TITLE_INSIDE.search(norm, 0, 260)
    return norm[m.end() :] if m else None


_DRAFT_MARK = re.compile(r"^\W*проект\W*$")


# OCR debris of a stamp or signature: symbols, stray letters («&>//$», «. !■*€< ■<», «у»)
_JUNK = re.compile(r"[■€™^&$<>\\{}\[\]~@©®°]|//")
_LETTER = re.compile(r"[а-яa-z]")


def _junk(line: str) -> bool:
    if len(line) <= 2:
        return True
    letters = len(_LETTER.findall(line))
    return bool(_JUNK.search(line)) and (len(line) < 20 or letters < 0.7 * len(line.replace(" ", "")))


# a letterhead never says what happened: «Управление образования … провело семинар» is a news line
_TELLS = re.compile(
    r"\b(провел\w*|прош[её]?л\w*|состоял\w*|состоится|пройдет|приглаша\w*|информирует|сообщает|направляет|"
    r"организовал\w*|объявляет|подвел\w*)\b"
)


def _run_letterhead(line: str) -> bool:
    """Several letterhead lines run together (no title inside, not a sentence, nothing happening)."""
    return len(line) <= 300 and not _SENTENCE.search(line) and not _TELLS.search(line)


def _menu_row(line: str) -> bool:
    """`Главная | Новости | Контакты`: short items between bars (web-table or menu debris)."""
    if line.count("|") < 2 and not (line.count("|") == 1 and len(line) < 60):
        return False
    parts = [p.strip() for p in line.split("|") if p.strip()]
    return all(len(p.split()) <= 5 for p in parts)


# a whole document flattened onto one line (web copies): broken before approval markers, title words and a
# contents heading, so that the title zone can be read
_FLAT_LIMIT = 500
# «УТВЕРЖДАЮ», or a block's word with a colon: «Утверждено:», «ПРИНЯТО:», «Согласовано:»
_FLAT_MARK = r"утверждаю|(" + "|".join((APPROVE_WORD, AGREE_WORD, COUNCIL_WORD)) + r")\s*:"
_FLAT_APPROVAL = re.compile(r"\b(" + _FLAT_MARK + ")")
_FLAT_BREAK = re.compile(
    r"\s(?=(" + _FLAT_MARK + "|"
    r"(программ\w*\s+(перехода|повышения|развития|антирисков|улучшения)|дорожн\w+ карт\w*|комплекс мер|"
    r"среднесрочн\w+ программ|антирисков\w+ программ|паспорт программ|оглавление|содержание)\w*))|"
    r"(?<=\bоглавление)\s|(?<=\bсодержание)\s"  # a contents heading stands on its own line
)


# a flattened document whose approval block the layout pass already lifted out: its title, then its contents
_FLAT_CONTENTS = re.compile(r"\b(оглавление|содержание)\b")


def _flattened(norm: str) -> bool:
    if len(norm) <= _FLAT_LIMIT:
        return False
    return bool(_FLAT_APPROVAL.search(norm, 0, 600)) or bool(
        TITLE_START.match(norm) and _FLAT_CONTENTS.search(norm, 0, 600)
    )


def _unflatten(norm: str) -> list[str]:
    """A long line with an approval block (or the title and a contents heading) inside its first part is a
    flattened document: its pieces."""
    if not _flattened(norm):
        return [norm]
    pieces, start = [], 0
    for m in _FLAT_BREAK.finditer(norm, 0, 4000):
        if m.start() > start:
            pieces.append(norm[start : m.start()].strip())
        start = m.end()
    pieces.append(norm[start:].strip())
    return [p for p in pieces if p]


def _pieces(norm: str, taken: list[str]) -> list[str]:
    """Only a line that opens the document can be a whole flattened document."""
    return _unflatten(norm) if not taken else [norm]


_ENTRY_MARK = re.compile(r"^\W*\d|\.{3,}|…|\s\d{1,3}\W*$")


def _title_after_contents(block: Block, following: Block | None) -> bool:
    """The last line of a contents page without page numbers may be the document's title standing after it
    («… / 6. Ожидаемые результаты / Программа улучшения … на 2023-2025 годы»): unnumbered, no page number,
    a genre word first, and the running text begins right after it."""
    if following is not None and following.role == "contents":
        return False
    text = block.text.strip()
    return "\n" not in text and not _ENTRY_MARK.search(text) and bool(TITLE_START.match(normalize(text)))


def _running_text(document: Document) -> Iterator[str]:
    """The text of each block outside the margins. A block the layout pass marked as an approval block is
    skipped whole (its council lines «на заседании педагогического / совета …» are not a title) — except
    from a title a layout pass ran into it."""
    blocks = document.blocks
    for i, block in enumerate(blocks):
        if block.role == "contents" and _title_after_contents(block, blocks[i + 1] if i + 1 < len(blocks) else None):
            yield block.text
            continue
        if block.role in MARGINAL_ROLES:
            continue
        if block.role == "approval":
            lines = block.text.split("\n")
            start = next((i for i, line in enumerate(lines) if TITLE_START.match(normalize(line))), None)
            if start is not None:
                yield "\n".join(lines[start:])
            continue
        yield block.text


def opening_lines(document: Document) -> list[str]:
    """Normalised lines of the opening, without debris, menus, letterheads and approval blocks."""
    lines: list[str] = []
    size = 0
    in_approval = False
    for text in _running_text(document):
        for norm in (piece for line in text.split("\n") for piece in _pieces(normalize(line), lines)):
            if (
                not norm
                or _DEBRIS.match(norm)
                or _junk(norm)
                or _menu_row(norm)
                or _MENU.match(norm)
                or _CARD_ROW.match(norm)
                or ESIGN_LINE.search(norm)
            ):
                continue
            if _AMENDED.match(norm):
                in_approval = True  # the block goes on
                continue
            if BLOCK_MARKER.match(norm) or (not lines and len(norm) > 120 and _LETTERHEAD.match(norm)):
                rest = _split_title(norm) if len(norm) > 60 else None
                if rest is None:
                    in_approval = bool(BLOCK_MARKER.match(norm))
                    # a letterhead of several lines run together (no title inside, not a sentence)
                    if in_approval or len(norm) <= 120 or _run_letterhead(norm):
                        continue
                else:
                    norm = rest
                    in_approval = False
            if in_approval and len(norm) <= 90 and _APPROVAL_LINE.search(norm) and not TITLE_START.match(norm):
                in_approval = not _BLOCK_DATE.search(norm)  # the date closes the block
                continue
            in_approval = False
            # «Приложение № 1 к приказу … от … №» — the annex line above a regional document's title
            if not lines and len(norm) <= 120 and ANNEX_LINE.match(norm):
                in_approval = not _BLOCK_DATE.search(norm)  # «Приложение / к приказу / … / от … N …»
                continue
            if not lines and len(norm) <= 120 and _LETTERHEAD.match(norm):
                # the school's name before the title on one line: «МКОУ ООШ № 23 Программа развития …»
                rest = _split_title(norm)
                if rest is None:
                    continue
                norm = rest
            if not lines and _DRAFT_MARK.match(norm):
                continue  # «ПРОЕКТ» alone over the title page: a draft's mark, not its title
            lines.append(norm)
            size += len(norm)
        if size >= OPENING_CHARS:
            break
    return lines


def opening(document: Document) -> str:
    """The first ~1,500 characters of meaningful text (see `opening_lines`)."""
    return "\n".join(opening_lines(document))[:OPENING_CHARS]


_BODY_START = re.compile(r"^\W*(цель|задачи|1\.\s|№\s*(п/п)?\b|паспорт|содержание|оглавление|уважаем)")
# running text, not a title: a long line ending a sentence
_SENTENCE = re.compile(r"^.{80,}[.!]$")
# a predicate early in a line: a sentence about something, not a title naming it
_PREDICATE = re.compile(
    r"^(\S+\s+){1,6}(должн\w+|является|являются|утвержда\w+ся|разрабатыва\w+ся|содерж(ит|ат)|включа(ет|ют)|"
    r"представля(ет|ют)|определя(ет|ют)|предусматрива(ет|ют)|-\s+это)\b"
)
_DATE_LINE = re.compile(r"^\W*(\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}\s+[а-я]+\s+\d{4})\W*(г\.?|года)?\W*$")


_CONTENTS_HEAD = re.compile(r"^\W*(содержание|оглавление)\W*$")
_CONTENTS_ENTRY = re.compile(r"^\W*\d+(\.\d+)*\.?\s|\.{3,}|\s\d{1,3}$")


def after_contents(lines: list[str]) -> list[str]:
    """A contents page before the title («СОДЕРЖАНИЕ / 1. Паспорт программы / … / Программа улучшения …»): the
    lines from the title standing after its entries; the lines as they are when no title follows."""
    if not lines or not _CONTENTS_HEAD.match(lines[0]):
        return lines
    for i, line in enumerate(lines[1:41], 1):
        if not _CONTENTS_ENTRY.search(line) and TITLE_START.match(line) and not _CONTENTS_HEAD.match(line):
            return lines[i:]
    return lines


def title_zone(lines: list[str]) -> str:
    """The document's own title: the first lines of the opening, up to the first body-like line."""
    picked: list[str] = []
    size = 0
    for line in after_contents(lines):
        if _DATE_LINE.match(line):
            continue  # a news item's date over its headline
        if picked and (_BODY_START.match(line) or (_SENTENCE.search(line) and _PREDICATE.search(line))):
            break
        # a long line is running text — unless the title so far is a bare genre word («ПРОГРАММА»)
        if picked and size > 40 and (len(line) > 200 or _SENTENCE.search(line)):
            break
        piece = line[:250]
        picked.append(piece)
        size += len(piece)
        if len(picked) >= TITLE_LINES or size >= TITLE_CHARS:
            break
    return "\n".join(picked)


# where a title page's top ends without a title: the body begins
_PAGE_END = re.compile(
    r"^\W*((\d+\.?\s*)?(цель|задачи|паспорт|содержание|оглавление|уважаем|введение|пояснительн)|\d+(\.\d+)*\.\s+[а-я])"
)


def title_after_page_top(lines: list[str], is_title: Callable[[str], bool], limit: int = 45) -> int | None:
    """A title page whose top the opening kept (the school's name on several lines, approval blocks of a
    council, an authority and the director, a draft mark): the index of the first line that is a title, when
    every line above it is a short title-page line — no sentence, nothing happening, no body heading."""
    for i, line in enumerate(lines[:limit]):
        if len(line) > 160 or _SENTENCE.search(line) or _PREDICATE.search(line) or _PAGE_END.match(line):
            return None
        if i and is_title(line):
            return i
        if _TELLS.search(line):
            return None
    return None


def head_lines(document: Document, limit: int = 60) -> list[str]:
    """The first normalised lines as they are, letterhead and approval blocks included
    (form, level and approval are read there)."""
    lines: list[str] = []
    for block in document.blocks:
        for line in block.text.split("\n"):
            norm = normalize(line)
            if norm and not _DEBRIS.match(norm):
                lines.append(norm)
                if len(lines) >= limit:
                    return lines
    return lines
