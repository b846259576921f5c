"""Regenerate schemas/report.schema.json from the pydantic Report model.

Run: python tools/gen_schemas.py   (a test fails when the committed file is out of date)"""

from __future__ import annotations

import json
from pathlib import Path

from checker.report import REPORT_SCHEMA_VERSION, Report

ROOT = Path(__file__).resolve().parent.parent
REPORT_SCHEMA = ROOT / "schemas" / "report.schema.json"


def report_schema() -> str:
    schema = Report.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://checker.local/schemas/report-{REPORT_SCHEMA_VERSION}.schema.json"
    schema["title"] = f"checker report, schema version {REPORT_SCHEMA_VERSION}"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    REPORT_SCHEMA.write_text(report_schema(), encoding="utf-8")
    print(f"written {REPORT_SCHEMA}")
