"""The openrouter_compat tour: routed, reasoning chat streamed live, then its cost, provider and generation id;
then endpoints generated from OpenRouter's spec (images, presets, rerank), and the cost ledger.

Run it with `python3 dev.py demo` (or `openrouter-compat demo`, always offline). Offline (no `OPENROUTER_API_KEY`)
it talks to the bundled emulator; with a key it talks to OpenRouter. The code is the same either way: `OpenRouter`
is `openai.OpenAI` with one import changed. The tour itself lives in `openrouter_compat/cli/demo.py`, the one
source of both demos.
"""

from __future__ import annotations

import sys

from _connect import connect

from openrouter_compat.cli.demo import tour


def main() -> int:
    with connect() as client:
        tour(client)
    print("\n== demo finished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
