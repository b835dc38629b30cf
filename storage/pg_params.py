"""Lists sent to PostgreSQL as one text the server splits, not as arrays psycopg adapts element by element.

Why (issue 21, "PostgreSQL writes ≤ 3× a one-row commit"): psycopg dumps a Python list as a text array in
Python, element by element, testing each with a regular expression and escaping every quote and backslash
of an element that has one through `re.sub` with a template (one Python call per quote). A write's queued
rows are JSON documents full of quotes: in a profile of `bench.pg_write` the arrays' adaptation was the
largest part of the driver's CPU. Measured on this machine (a throwaway micro bench, CPU per statement on
a prepared connection): a `SELECT` given 12 names and 12 versions as arrays 58.6 µs, as two comma-joined
texts split by ``string_to_array`` 23.4 µs (a bare ``SELECT 1``: 20.9 µs); four JSON documents as a
``text[]`` 123.5 µs, as one JSON array 21.5 µs.

- `joined`: names and numbers that hold no comma (a partition's name, `storage.codec.check_partition_name`;
  an int), for ``string_to_array(%s, ',')`` (``::bigint[]`` for numbers). An empty list is an empty array.
- `json_list`: JSON texts already encoded, as one JSON array, for ``jsonb_array_elements(%s::jsonb)``: the
  server parses them, as it did each ``doc::jsonb`` before.
- `json_string`: a Python string as a JSON string (the C encoder), to put beside such texts.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from json.encoder import encode_basestring_ascii

logger = logging.getLogger(__name__)

json_string = encode_basestring_ascii
"""A `str` as a JSON string literal, quotes included (ASCII, every other character escaped)."""


def joined(items: Iterable[str | int]) -> str:
    """`items` comma-joined, for ``string_to_array(%s, ',')``; a text item must hold no comma."""
    return ",".join(map(str, items))


def json_list(texts: Iterable[str]) -> str:
    """JSON texts (each one value, already encoded) as one JSON array's text."""
    return "[" + ",".join(texts) + "]"
