"""``python -m openrouter_compat.testing``: run the emulator in the foreground and print its base URL."""

from __future__ import annotations

import argparse
import threading

from ._emulator import Emulator


def main(argv: list[str] | None = None) -> int:
    """Parse options, serve until interrupted."""
    parser = argparse.ArgumentParser(prog="python -m openrouter_compat.testing", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to bind (default 0: any free port)")
    parser.add_argument(
        "--lenient",
        action="store_true",
        help="accept any key, unknown model ids and mistyped fields (strict by default)",
    )
    parser.add_argument(
        "--strict-keys", action="store_true", help="reject keys other than the emulator's, even if lenient"
    )
    parser.add_argument("--stream-delay", type=float, default=0.0, help="seconds between SSE chunks")
    args = parser.parse_args(argv)
    accept_any_key = args.lenient and not args.strict_keys
    emulator = Emulator(host=args.host, port=args.port, strict=not args.lenient, accept_any_key=accept_any_key)
    emulator.start()
    emulator.stream_delay = args.stream_delay
    print(f"OPENROUTER_BASE_URL={emulator.base_url}", flush=True)
    print(f"OPENROUTER_API_KEY={emulator.api_key}", flush=True)
    print(f"management key: {emulator.management_key}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        emulator.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
