"""`GET /activity`: daily usage grouped by model and endpoint (management key required)."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from openai._models import BaseModel
from openai._utils import PropertyInfo
from pydantic import ConfigDict, Field, with_config
from typing_extensions import TypedDict

__all__ = ["ActivityItem", "ActivityListParams"]


class ActivityItem(BaseModel):
    """One row per day, model and endpoint; `usage` in USD."""

    date: str
    model: str | None = None
    model_permaslug: str | None = None
    endpoint_id: str | None = None
    provider_name: str | None = None
    usage: float | None = None
    byok_usage_inference: float | None = None
    requests: int | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    reasoning_tokens: int | None = None
    workspace_id: str | None = None


@with_config(ConfigDict(extra="forbid"))
class ActivityListParams(TypedDict, total=False):
    """Query filters of `GET /activity`, validated before sending."""

    date: Annotated[
        Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")] | datetime.date, PropertyInfo(format="iso8601")
    ]
    """A UTC day in the last 30 days: `YYYY-MM-DD` or a `datetime.date`."""
    api_key_hash: str
    user_id: str
    group_by: Literal["workspace"]
    workspace_id: str
