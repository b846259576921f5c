"""Layout recovery: what a flattened document lost, rebuilt before any rule reads it.

Real documents reach the checker as PDF text layers, legal-database copies and web pages saved as
text: tables come one cell per line or with `|` between cells, passports as labels and values,
contents pages as dot leaders, two approval stamps side by side as one interleaved run of lines.
Each phenomenon is one module with one pass, `run(document, context) -> Document`, run in the
order below. A pass that is not sure does nothing; what it rebuilt is a Russian note in
`metadata.recovered`, what it saw but could not rebuild a code in `metadata.suspected`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from checker.document import Document, number_blocks
from checker.layout import (
    approval,
    breadcrumbs,
    contents,
    esign,
    headlines,
    letterspacing,
    lookalike,
    mojibake,
    passport,
    table_continuation,
    tables,
    truncation,
)
from checker.layout.lines import Context, TextSource

Pass = Callable[[Document, Context], Document]

# Characters first (later passes match words), then the blocks that are not running text, then the
# structures that running text hides.
PASSES: tuple[Pass, ...] = (
    mojibake.run,
    lookalike.run,
    breadcrumbs.run,
    letterspacing.run,
    esign.run,
    contents.run,
    approval.run,
    headlines.run,
    tables.run,
    table_continuation.run,
    passport.run,
    truncation.run,
)

_log = logging.getLogger(__name__)


def recover(document: Document, source: TextSource | None = None) -> Document:
    """Run every pass in order. `source`: the file's own lines, for text files."""
    context = Context(source=source)
    for layout_pass in PASSES:
        try:
            document = layout_pass(document, context)
        except Exception:  # a bug in one pass must not cost the user the whole document
            _log.exception("layout pass %s failed on %s", layout_pass.__module__, document.path)
    if context.changed:
        number_blocks(document.blocks)
    return document


__all__ = ["PASSES", "Context", "TextSource", "recover"]
