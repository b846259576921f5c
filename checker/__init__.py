"""checker: a compliance checker for documents of the ШНОР / «500+» programme."""

__version__ = "0.1.0"
