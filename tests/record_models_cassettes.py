"""Re-record `cassettes/models/*.yaml` from the local emulator (not from real OpenRouter).

Run `.venv/bin/python tests/record_models_cassettes.py`. Each call of `CALLS` runs through the sync client
against `openrouter_compat.testing.Emulator` inside a vcrpy cassette; URIs are rewritten to
https://openrouter.ai/api/v1 so replays need no emulator, secrets are scrubbed by
`openrouter_compat.testing._vcr`, and a `# source:` header says where the cassette came from.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from openrouter_compat import OpenRouter
from openrouter_compat.testing import Emulator
from openrouter_compat.testing._vcr import SECRET_HEADERS, make_vcr, scrub_request

CASSETTES = Path(__file__).resolve().parents[1] / "cassettes" / "models"
PUBLIC_BASE = "https://openrouter.ai/api/v1"
SOURCE = (
    "recorded from the local emulator (openrouter_compat.testing.Emulator), NOT real OpenRouter traffic,\n"
    "by tests/record_models_cassettes.py; URIs rewritten to https://openrouter.ai/api/v1, credentials\n"
    "scrubbed. Replayed by tests/test_models_cassettes.py with record_mode='none'."
)

CALLS: dict[str, list[Callable[[OpenRouter], Any]]] = {
    "models.yaml": [
        lambda c: list(c.models.list(category="programming", supported_parameters=["tools", "reasoning"])),
        lambda c: c.models.retrieve("openai/gpt-5-mini"),
        lambda c: c.models.endpoints("deepseek/deepseek-r1"),
        lambda c: c.models.count(output_modalities="all"),
        lambda c: list(c.models.list_for_user()),
    ],
    "providers.yaml": [lambda c: c.providers.list()],
    "embeddings.yaml": [
        lambda c: c.embeddings.create(
            input=["red", "green"],
            model="openai/text-embedding-3-small",
            dimensions=4,
            encoding_format="float",
            provider={"order": ["openai"], "allow_fallbacks": False},
            input_type="search_document",
        ),
        lambda c: c.embeddings.models(),
    ],
}


def record(name: str, calls: list[Callable[[OpenRouter], Any]], emulator: Emulator) -> Path:
    """Record one cassette (its `# source:` header comes from `make_vcr`)."""
    path = CASSETTES / name
    path.unlink(missing_ok=True)

    def public(request: Any) -> Any:
        request = scrub_request(request)
        request.uri = request.uri.replace(emulator.base_url.rstrip("/"), PUBLIC_BASE)
        return request

    headers = [*SECRET_HEADERS, "host"]  # the emulator's port would differ on every recording
    recorder = make_vcr(SOURCE, record_mode="all", before_record_request=public, filter_headers=headers)
    with recorder.use_cassette(str(path)), OpenRouter(api_key=emulator.api_key, base_url=emulator.base_url) as client:
        for call in calls:
            call(client)
    return path


def main() -> None:
    CASSETTES.mkdir(parents=True, exist_ok=True)
    with Emulator() as emulator:
        for name, calls in CALLS.items():
            print(record(name, calls, emulator))


if __name__ == "__main__":
    main()
