from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def seeds_dir() -> Path:
    """Real documents kept outside the repository: `$CHECKER_SEEDS`, else `<repo>/../shared/seeds`."""
    configured = os.environ.get("CHECKER_SEEDS")
    return Path(configured).expanduser().resolve() if configured else ROOT.parent / "shared" / "seeds"


SEEDS = seeds_dir()
SEEDS_MISSING = (
    f"seed documents not found in {SEEDS} (set CHECKER_SEEDS to a folder of seed files, "
    "or put them in <repository>/../shared/seeds)"
)
# Tests that read the seed documents: skipped with the reason above in a clone with nothing beside it.
needs_seeds = pytest.mark.skipif(not any(SEEDS.glob("0*.txt")), reason=SEEDS_MISSING)


def run_checker(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the CLI as a user does: a separate process, no cache unless asked."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    full_env.update({"PYTHONPATH": str(ROOT), **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=300,
    )


def run_json(*args: str, **kwargs) -> tuple[int, dict]:
    result = run_checker(*args, "--format", "json", "--no-cache", **kwargs)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout)


@pytest.fixture
def checker_cli():
    return run_checker
