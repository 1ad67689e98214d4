"""Keys never leak: not in `repr()`, not in an error's `str()`, not in log records, not in cassettes written
with the library's test helpers (`make_vcr` / `vcr_config`)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import yaml
from faults_support import CHAT, FULL_TEXT, MESSAGES, MODEL, Api

import openrouter_compat as orc
from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat._secrets import REDACTED, scrub, scrub_data
from openrouter_compat.testing import Emulator, Fault, make_vcr, vcr_config

REAL_SHAPED = "sk-or-v1-" + "0123456789abcdef" * 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"key {REAL_SHAPED} end", "key *** end"),
        ("Authorization: Bearer abc.def-ghi_123", "Authorization: Bearer ***"),
        ("bearer sk-or-v1-emulator-000000000000", "bearer ***"),
        ("mgmt sk-or-v1-emulator-mgmt-0000000000000000", "mgmt ***"),
        ("openai sk-proj-abcdefghijklmnopqrstuvwxyz", "openai ***"),
        ("nothing secret: sk-short, task-or-other, user_123", "nothing secret: sk-short, task-or-other, user_123"),
    ],
)
def test_scrub(text: str, expected: str) -> None:
    assert scrub(text) == expected


def test_scrub_data_walks_json() -> None:
    data = {"key": REAL_SHAPED, "list": [REAL_SHAPED, 1, None], "nested": {"a": f"Bearer {REAL_SHAPED}"}}
    assert scrub_data(data) == {"key": REDACTED, "list": [REDACTED, 1, None], "nested": {"a": "Bearer ***"}}


@pytest.mark.parametrize("cls", [OpenRouter, AsyncOpenRouter])
def test_client_repr_hides_the_key(cls: type[OpenRouter] | type[AsyncOpenRouter]) -> None:
    client = cls(api_key=REAL_SHAPED, app_title="demo")
    assert REAL_SHAPED not in repr(client) and REAL_SHAPED not in str(client)
    assert "api_key='***'" in repr(client)


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_error_str_never_shows_a_key(mode: str, openrouter_emulator: Emulator) -> None:
    key = openrouter_emulator.api_key
    openrouter_emulator.queue(CHAT, Fault.status(401, message=f"Invalid API key {key} (Bearer {key})"))
    with pytest.raises(orc.AuthenticationError) as caught:
        await Api(mode, openrouter_emulator).create()  # type: ignore[arg-type]
    error = caught.value
    assert key not in str(error) and key not in error.message and key not in repr(error)
    assert "Invalid API key *** (Bearer ***)" in str(error)


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_debug_logs_of_every_layer_hold_no_key(
    mode: str, openrouter_emulator: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    key = openrouter_emulator.api_key
    # the key also travels in a custom header, which `openai` logs at DEBUG with the request options
    openrouter_emulator.queue(CHAT, Fault.status(502, message=f"upstream said {key}"))
    api = Api(mode, openrouter_emulator)  # type: ignore[arg-type]
    with caplog.at_level(logging.DEBUG):
        result = await api.create(extra_headers={"X-Debug-Key": key})
    assert result.choices[0].message.content == FULL_TEXT
    text = caplog.text + "".join(str(record.args) for record in caplog.records)
    assert caplog.records, "DEBUG logging produced no records"
    assert key not in text
    assert REDACTED in text  # the key was there, and was scrubbed
    assert any(r.name.startswith("openai") for r in caplog.records)
    assert any(r.name == "openrouter_compat" for r in caplog.records)


def test_cassette_helper_scrubs_keys_and_replays(
    openrouter_emulator: Emulator, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Record emulator traffic (a chat call, a key creation, an error) with `make_vcr`, then replay it."""
    cassette = tmp_path / "scrubbed.yaml"
    recorder = make_vcr("recorded from openrouter_compat.testing.Emulator by tests/test_secrets.py")
    openrouter_emulator.queue(CHAT, Fault.moderation())
    options = Api("sync", openrouter_emulator).options(orc.RetryPolicy(max_retries=0))
    with (
        caplog.at_level(logging.DEBUG),
        recorder.use_cassette(str(cassette), record_mode="all"),
        OpenRouter(**options) as client,
    ):
        with pytest.raises(orc.ModerationError):
            client.chat.completions.create(model=MODEL, messages=MESSAGES)
        completion = client.chat.completions.create(model=MODEL, messages=MESSAGES)
        manager = client.with_options(api_key=openrouter_emulator.management_key)
        created = manager.keys.create(name="ci")
    secret = created.key.get_secret_value()
    assert secret.startswith("sk-or-")
    written = cassette.read_text()
    assert written.startswith("# source: recorded from openrouter_compat.testing.Emulator")
    for value in (openrouter_emulator.api_key, openrouter_emulator.management_key, secret):
        assert value not in written
        assert value not in caplog.text  # vcrpy logs each response before its hooks run: scrubbed there too
    assert any(record.name.startswith("vcr") for record in caplog.records)
    assert "authorization" not in written.lower()
    interactions = yaml.safe_load(written)["interactions"]
    assert len(interactions) == 3

    with make_vcr("replay").use_cassette(str(cassette), record_mode="none"), OpenRouter(**options) as client:
        with pytest.raises(orc.ModerationError) as caught:
            client.chat.completions.create(model=MODEL, messages=MESSAGES)
        assert caught.value.reasons == ["harassment"]
        again = client.chat.completions.create(model=MODEL, messages=MESSAGES)
        assert again.choices[0].message.content == completion.choices[0].message.content
        replayed = client.with_options(api_key="sk-or-v1-other").keys.create(name="ci")
        assert replayed.key.get_secret_value() == REDACTED


def test_vcr_config_is_plain_keyword_arguments() -> None:
    config = vcr_config(record_mode="none")
    assert "authorization" in config["filter_headers"] and config["record_mode"] == "none"
    assert callable(config["before_record_request"]) and callable(config["before_record_response"])


def test_every_committed_cassette_is_labelled_and_keyless() -> None:
    folder = Path(__file__).resolve().parents[1] / "cassettes"
    for path in sorted(folder.rglob("*.yaml")):
        text = path.read_text()
        assert text.startswith("#") or "# source:" in text, f"{path.name}: no source comment"
        assert scrub(text) == text, f"{path.name}: contains a key-shaped string"
        assert "authorization:" not in text.lower(), f"{path.name}: records an Authorization header"
