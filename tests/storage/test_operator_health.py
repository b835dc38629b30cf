"""Who may read /healthz's details: the loopback (not through a proxy) or the configured token."""

from __future__ import annotations

from unittest import mock

import pytest
from aiohttp.test_utils import make_mocked_request

from adapters.health import may_see_details


def _request(remote: str, headers: dict[str, str] | None = None) -> object:
    transport = mock.Mock()
    transport.get_extra_info.side_effect = lambda name, default=None: (remote, 1234) if name == "peername" else default
    return make_mocked_request("GET", "/healthz", headers=headers or {}, transport=transport)


@pytest.mark.parametrize(
    ("remote", "headers", "token", "allowed"),
    [
        ("127.0.0.1", {}, None, True),
        ("::1", {}, None, True),
        ("10.0.0.5", {}, None, False),
        ("127.0.0.1", {"X-Forwarded-For": "203.0.113.9"}, None, False),  # a proxy on this host forwards strangers
        ("127.0.0.1", {"Forwarded": "for=203.0.113.9"}, None, False),
        ("10.0.0.5", {"Authorization": "Bearer s3cret"}, "s3cret", True),
        ("10.0.0.5", {"Authorization": "Bearer wrong"}, "s3cret", False),
        ("10.0.0.5", {"Authorization": "Bearer "}, "", False),  # no token configured: no token opens it
    ],
)
def test_details_only_on_loopback_or_with_the_token(
    remote: str, headers: dict[str, str], token: str | None, allowed: bool
) -> None:
    assert may_see_details(_request(remote, headers), token=token or None) is allowed  # type: ignore[arg-type]
