"""Helpers built on the typed client: stream accumulation, reasoning continuity, model selection."""
