"""The build's instant, from SOURCE_DATE_EPOCH: the one place every date written into an output comes from."""

from __future__ import annotations

import datetime as _dt
import os

# Without SOURCE_DATE_EPOCH every build is stamped with this instant, so builds stay identical.
DEFAULT_EPOCH = 946684800  # 2000-01-01T00:00:00Z
_ZIP_EPOCH = 315532800     # 1980-01-01: nothing earlier fits in a zip entry


def epoch_is_set() -> bool:
    """Whether SOURCE_DATE_EPOCH names an instant (the fixed default is no date to print)."""
    return os.environ.get("SOURCE_DATE_EPOCH", "").isdigit()


def build_time() -> _dt.datetime:
    """The instant written into documents: SOURCE_DATE_EPOCH, or a fixed default (naive UTC)."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    epoch = int(value) if value.isdigit() else DEFAULT_EPOCH
    return _dt.datetime.fromtimestamp(max(epoch, _ZIP_EPOCH), _dt.timezone.utc).replace(tzinfo=None)

