"""`python -m openrouter_compat`: the `openrouter-compat` command line."""

from openrouter_compat.cli import main

raise SystemExit(main())
