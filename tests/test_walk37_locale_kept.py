"""Walk 37 F-A: a kept read (`bot.pipeline.kept`) was keyed without the client's locale, so the first reply of
the day fixed the written form for a person without a målform of their own: `neste` from a Teams client set to
nynorsk after one from a client set to bokmål was answered in bokmål (and the other way round), though a client
set to nynorsk is that person's written form (`bot.written_form.locale_form`)."""

from __future__ import annotations

import pytest

from bot.messages import Request
from tests.driver import make_bot, oslo

OLA_TEAMS = "11111111-0000-0000-0000-000000000003"  # IN's adviser: no målform of his own
AGDER_TEAMS = "19:agder@thread.tacv2"  # a bokmål channel

NYNORSK = "andre opne"  # «Viser 5 av 6 andre opne – …»
BOKMAL = "andre åpne"


def _neste(bot, locale: str | None, *, text: str = "neste") -> str:  # type: ignore[no-untyped-def]
    request = Request(platform="teams", user_id=OLA_TEAMS, channel_id=AGDER_TEAMS, text=text, locale=locale)
    reply = bot.core.handle(request).reply
    assert reply.ok, reply.text
    return reply.text


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [(None, "nn-NO", NYNORSK), ("nb-NO", "nn-NO", NYNORSK), ("nn-NO", "nb-NO", BOKMAL), ("nn", None, BOKMAL)],
)
def test_the_same_read_from_a_client_set_otherwise_is_in_that_clients_written_form(
    first: str | None, then: str | None, expected: str
) -> None:
    bot = make_bot(at=oslo(2026, 11, 16, 16, 0))
    before = _neste(bot, first)
    assert (NYNORSK if expected == BOKMAL else BOKMAL) in before
    after = _neste(bot, then)
    assert expected in after, after
    # and asked again from the same client, the kept reply is the one in that form
    assert expected in _neste(bot, then)
