"""Every JSON jointdiff writes is byte for byte what the standard encoder writes, whichever
encoder wrote it (``compare.render.jsonfmt.dumps`` prefers orjson, for speed)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from compare.render.jsonfmt import _UNSAFE_IN_JSON, dumps

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
_RECORDS = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=20,
)


def _reference(record: Any) -> str:
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, indent=2)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n"


@settings(max_examples=400, deadline=None)
@given(_RECORDS)
def test_the_fast_writer_writes_what_the_standard_encoder_writes(record: Any) -> None:
    assert dumps(record) == _reference(record)


def test_floats_the_two_encoders_write_differently_are_written_the_standard_way() -> None:
    for value in (1e-05, 1.5e-07, 1e16, 1e300, 5e-324, 0.0001, 123.456):
        assert dumps({"value": value}) == _reference({"value": value})
