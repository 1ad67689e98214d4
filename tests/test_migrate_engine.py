"""The promises of every run: output parses, a second run is a no-op, loops are reported, not rewritten."""

from __future__ import annotations

import subprocess
import sys

from migrate_support import dedent, migrate, notes

from openrouter_compat.migrate import migrate_source


def test_a_file_that_does_not_parse_is_reported_and_untouched() -> None:
    source = "from openai import OpenAI\nclient = OpenAI(base_url='https://openrouter.ai/api/v1'\n"
    outcome = migrate_source(source)
    assert outcome.result == source and not outcome.changed
    assert outcome.error is not None and "does not parse" in outcome.error


def test_files_without_openrouter_are_not_touched_or_reported() -> None:
    source = dedent(
        """
        import litellm
        from openai import OpenAI

        client = OpenAI()
        reply = litellm.completion(model="gpt-4o", messages=[])
        """
    )
    outcome = migrate(source)
    assert outcome.result == source and outcome.findings == [] and outcome.sources == frozenset()


def test_retry_and_fallback_loops_are_reported_not_rewritten() -> None:
    outcome = migrate(
        """
        import time
        from openai import OpenAI, RateLimitError

        client = OpenAI(base_url="https://openrouter.ai/api/v1", api_key="k", max_retries=0)

        for attempt in range(3):
            try:
                client.chat.completions.create(model="m", messages=[])
                break
            except RateLimitError:
                time.sleep(2**attempt)

        for model in MODELS:
            try:
                client.chat.completions.create(model=model, messages=[])
            except Exception:
                continue

        while True:
            print("no API call in here")
            break
        """
    )
    lines = notes(outcome)
    assert lines[0].startswith("6: home-made retry loop") and "RetryPolicy" in lines[0]
    assert lines[1].startswith("13: home-made model-fallback loop") and "models=[" in lines[1]
    assert len(lines) == 2
    assert "for attempt in range(3):" in outcome.result and "max_retries=0" in outcome.result


def test_report_lines_point_at_the_original_file() -> None:
    outcome = migrate(
        """
        from openai import OpenAI

        client = OpenAI(
            base_url="https://openrouter.ai/api/v1",
            api_key="k",
            default_headers={"HTTP-Referer": "<YOUR_SITE_URL>"},
        )


        def ask():
            return client.chat.completions.create(model="m", messages=[], extra_body={"provider": {}})
        """
    )
    assert [f.line for f in outcome.findings] == [3, 11]


def test_importing_the_library_does_not_import_libcst() -> None:
    code = "import sys, openrouter_compat; assert 'libcst' not in sys.modules and 'click' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=300)
