"""`openrouter-compat migrate`: the click command's modes, report lines and exit codes (CliRunner)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("libcst", reason="the migrate extra (libcst, click) is not installed")

from click.testing import CliRunner

from openrouter_compat.cli import _app
from openrouter_compat.migrate.command import Exit, migrate_command

CONVERTIBLE = 'from openai import OpenAI\n\nclient = OpenAI(base_url="https://openrouter.ai/api/v1", api_key="k")\n'
CONVERTED = 'from openrouter_compat import OpenRouter\n\nclient = OpenRouter(api_key="k")\n'
HAND = 'import litellm\n\nr = litellm.batch_completion(model="openrouter/openai/gpt-4o-mini", messages=[[]])\n'


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(migrate_command, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_help_documents_modes_and_exit_codes() -> None:
    code, out, _ = _run("--help")
    assert code == 0
    for text in ("--write", "--check", "unified diff", "Exit codes", "hand work", "could not be read or parsed"):
        assert text in out
    for member in Exit:
        assert f"  {member.value}  " in out


def test_default_prints_a_diff_and_touches_nothing(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    path.write_text(CONVERTIBLE)
    code, out, err = _run(str(path))
    assert code == Exit.OK
    assert out.startswith(f"--- a/{path.as_posix()}\n+++ b/{path.as_posix()}\n")
    assert '+client = OpenRouter(api_key="k")' in out
    assert path.read_text() == CONVERTIBLE
    assert "1 file(s) scanned, 1 would change, 0 with hand work left, 0 failed" in err


def test_write_rewrites_and_a_second_run_finds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    path.write_text(CONVERTIBLE)
    assert _run("--write", str(path))[0] == Exit.OK
    assert path.read_text() == CONVERTED
    code, out, err = _run("--write", str(path))
    assert (code, out) == (Exit.OK, "")
    assert "0 rewritten" in err
    assert _run("--check", str(path))[0] == Exit.OK


def test_check_exits_1_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    path.write_text(CONVERTIBLE)
    code, out, _ = _run("--check", str(path))
    assert (code, out) == (Exit.WOULD_CHANGE, "")
    assert path.read_text() == CONVERTIBLE


def test_hand_work_is_named_with_file_and_line_and_exits_3(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(CONVERTIBLE)
    (tmp_path / "b.py").write_text(HAND)
    code, _, err = _run("--check", str(tmp_path))
    assert code == Exit.HAND_WORK
    assert f"{(tmp_path / 'b.py')}:3: hand: litellm.batch_completion()" in err


def test_a_file_that_does_not_parse_exits_4_and_is_untouched(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def broken(:\n")
    (tmp_path / "b.py").write_text(HAND)
    code, _, err = _run("--write", str(tmp_path))
    assert code == Exit.FAILED
    assert f"{bad}:1: failed:" in err
    assert bad.read_text() == "def broken(:\n"


def test_folders_are_walked_and_virtualenvs_skipped(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "x.py").write_text(CONVERTIBLE)
    (tmp_path / ".venv" / "lib").mkdir(parents=True)
    vendored = tmp_path / ".venv" / "lib" / "y.py"
    vendored.write_text(CONVERTIBLE)
    assert _run("--write", str(tmp_path))[0] == Exit.OK
    assert (tmp_path / "pkg" / "x.py").read_text() == CONVERTED
    assert vendored.read_text() == CONVERTIBLE


def test_quiet_keeps_only_hand_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_text(
        'from openai import OpenAI\n\nc = OpenAI(base_url="https://openrouter.ai/api/v1")\n' + HAND.split("\n", 2)[2]
    )
    (tmp_path / "b.py").write_text(HAND)
    _, _, err = _run("--check", "--quiet", str(tmp_path))
    assert "note:" not in err and "hand:" in err and "scanned" not in err


def test_line_endings_and_encoding_survive(tmp_path: Path) -> None:
    path = tmp_path / "crlf.py"
    path.write_bytes(CONVERTIBLE.replace("\n", "\r\n").replace('"k"', '"clé"').encode("utf-8"))
    assert _run("--write", str(path))[0] == Exit.OK
    assert path.read_bytes() == CONVERTED.replace("\n", "\r\n").replace('"k"', '"clé"').encode("utf-8")


def test_through_the_openrouter_compat_group(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    path.write_text(CONVERTIBLE)
    assert _app.run(["migrate", "--check", str(path)]) == Exit.WOULD_CHANGE
    assert _app.run(["migrate", "--write", str(path)]) == Exit.OK
    assert path.read_text() == CONVERTED
    (tmp_path / "b.py").write_text(HAND)
    assert _app.run(["migrate", str(tmp_path)]) == Exit.HAND_WORK
