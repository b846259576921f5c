"""AR-TABLE-001 on the tables of real anti-risk programmes: the tasks may stand above the table, a participants
column is not demanded, a column name outside the vocabulary does not break a one-cell-per-line table, and a
column whose header cell the parser lost makes a missing column «не удалось проверить», not a failure."""

from __future__ import annotations

from pathlib import Path

from checker.document import Block, Document, Location, Metadata
from checker.engine.pack import load_pack
from checker.layout.lines import table_from_rows
from checker.parsers import parse_file
from checker.paths import rules_dir
from checker.pipeline import CheckOptions, check_document
from checker.report import Finding

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "antirisk_table"


def _findings(document: Document, rule_id: str) -> list[Finding]:
    pack = load_pack(rules_dir() / "antirisk_program.yaml")
    report = check_document(document, [pack], CheckOptions(doc_type="antirisk_program"))
    return [f for f in report.findings if f.rule_id == rule_id]


def _outcomes(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.outcome, f.message) for f in findings]


def test_tasks_above_the_table_count_for_its_task_column() -> None:
    document = parse_file(FIXTURES / "tasks_above_table.txt")
    table = next(b for b in document.blocks if b.kind == "table" and b.table is not None and len(b.table.rows) > 2)
    assert [c.text for c in table.table.rows[0].cells] == [
        "№", "Мероприятие", "Срок", "Ожидаемый результат (показатель)", "Ответственный",
    ]  # fmt: skip
    assert len(table.table.rows) == 4
    assert _outcomes(_findings(document, "AR-TABLE-001")) == [
        (
            "pass",
            "Таблица мер: задача, мероприятие, сроки, показатели, ответственные: проверено строк: 3; столбцы: "
            "Мероприятие, Срок, Ожидаемый результат (показатель), Ответственный; «Задача» — вне таблицы",
        )
    ]
    assert [f.outcome for f in _findings(document, "AR-TASKS-001")] == ["pass"]


def test_no_task_column_and_no_tasks_anywhere_fails() -> None:
    document = parse_file(FIXTURES / "no_tasks_anywhere.txt")
    assert _outcomes(_findings(document, "AR-TABLE-001")) == [
        ("fail", "В таблице мероприятий нет столбца «Задача»; добавьте его и заполните для каждой строки."),
    ]
    assert [f.outcome for f in _findings(document, "AR-TASKS-001")] == ["fail"]


def _document(header: list[str]) -> Document:
    rows = [
        header,
        ["Анкетирование обучающихся", "до 30.09.2024", "анкетировано 90 %", "Орлова Н.С., педагог-психолог"],
        ["Предметные недели", "ноябрь 2024", "доля участников 60 %", "Руднев А.П., заместитель директора"],
        ["Родительские собрания", "декабрь 2024", "проведено 4 собрания", "классные руководители"],
    ]
    blocks = [
        Block(kind="paragraph", text="Антирисковая программа «Низкая учебная мотивация обучающихся»",
              location=Location(page=1)),
        Block(kind="paragraph", text="Задачи: выявить причины; вовлечь родителей.", location=Location(page=1)),
        table_from_rows([(None, r) for r in rows], 1),
    ]  # fmt: skip
    return Document(path="x.pdf", blocks=blocks, metadata=Metadata(format="pdf"))


def test_a_lost_header_cell_makes_the_missing_column_unverified() -> None:
    """The header cell over the responsible persons was lost (drawn as an image): the column may be there."""
    findings = _findings(_document(["Мероприятие", "Срок", "Показатели реализации", ""]), "AR-TABLE-001")
    assert [f.outcome for f in findings] == ["unverified"]
    assert findings[0].message == (
        "Не удалось проверить, есть ли в таблице мероприятий столбец «Ответственные»: у одного из её заполненных "
        "столбцов не распознано название. Проверьте вручную, что столбец «Ответственные» есть и заполнен."
    )


def test_a_named_column_of_something_else_leaves_the_failure() -> None:
    findings = _findings(_document(["Мероприятие", "Срок", "Показатели реализации", "Примечание"]), "AR-TABLE-001")
    assert _outcomes(findings) == [
        ("fail", "В таблице мероприятий нет столбца «Ответственные»; добавьте его и заполните для каждой строки."),
    ]


def test_two_header_lines_of_different_columns_are_not_one_wrapped_name(tmp_path: Path) -> None:
    """«Показатели» and «Ответственные» one under the other are two header cells, not «Показатели Ответственные»;
    «Сроки» / «исполнения» stay one name wrapped onto a second line."""
    lines = ["Задачи: провести диагностику; организовать работу педагогов.", "Задача", "Мероприятие", "Сроки",
             "исполнения", "Показатели", "Ответственные", "Участники"]  # fmt: skip
    for task in ("Провести диагностику", "Организовать работу педагогов"):
        lines += [task, "Анкетирование обучающихся", "10.01.2025", "проведено 2 анкетирования",
                  "Захарова С.В., заместитель директора по УВР", "родители"]  # fmt: skip
    (tmp_path / "programme.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = parse_file(tmp_path / "programme.txt")
    table = next(b for b in document.blocks if b.kind == "table" and b.table is not None)
    assert [c.text for c in table.table.rows[0].cells] == [
        "Задача", "Мероприятие", "Сроки исполнения", "Показатели", "Ответственные", "Участники",
    ]  # fmt: skip
    assert len(table.table.rows) == 3
    assert [f.outcome for f in _findings(document, "AR-TABLE-001")] == ["pass"]


def test_a_column_elsewhere_pattern_that_does_not_compile_is_refused() -> None:
    import pytest
    from pydantic import ValidationError

    from checker.engine.kinds.table import Column

    assert Column.model_validate({"name": {"ru": "Задача"}, "elsewhere": [r"^\W*задач[аи]\b"]}).elsewhere
    with pytest.raises(ValidationError, match="неверное регулярное выражение"):
        Column.model_validate({"name": {"ru": "Задача"}, "elsewhere": ["задач(а"]})
