"""`openrouter-compat migrate`: rewrites code written for other OpenRouter clients onto this library.

Built on libcst, so comments and layout survive. Imported only by the CLI command (never by
`openrouter_compat` itself), so the library does not need libcst at run time.
"""

from __future__ import annotations

from ._engine import FileOutcome, Finding, migrate_source

__all__ = ["FileOutcome", "Finding", "migrate_source"]
