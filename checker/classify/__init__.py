"""Document classification: type, sub-kind and level, each in its own module (approval: checker.approval).

`classify(document)` is the one entry point; `opening`/`opening_lines` are the opening as rules see it."""

from .entry import classify, scores
from .model import Candidate, Classification
from .opening import opening, opening_lines, title_zone

__all__ = ["Candidate", "Classification", "classify", "opening", "opening_lines", "scores", "title_zone"]
