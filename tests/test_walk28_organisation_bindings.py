"""Walk 28: an organisation binding can be removed (F7), a domain binding says where it can match (F2), and
`logg` names an organisation as people read it (F8), in both written forms."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.test_organisations import TENANT, say

FORMS = [
    ("nb", "Koblingen er fjernet", "Ingenting er endret", "Koblet organisasjonen Slack T0WRONG1"),
    ("nn", "Koplinga er fjerna", "Ingenting er endra", "Kopla organisasjonen Slack T0WRONG1"),
]


@pytest.mark.parametrize(("form", "removed", "nothing", "logged"), FORMS)
def test_an_organisation_binding_is_removed_after_bekreft_and_the_party_is_told(
    form: str, removed: str, nothing: str, logged: str
) -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 10))
    if form == "nn":
        assert bot.say("målform nn", as_="admin", channel="nasjonal").ok
        assert bot.say("målform kanal nn", as_="admin", channel="nasjonal").ok
    assert bot.say(f"koble organisasjon {TENANT} agder koordinator", as_="admin", channel="nasjonal").ok
    assert say(bot, "hvem", user="aad-wrong", channel="agder", organisation=TENANT).ok
    before = bot.snapshot()
    asked = bot.say(f"koble organisasjon {TENANT} fjern", as_="admin", channel="nasjonal")
    assert not asked.ok and nothing in asked.text and f"Teams {TENANT}" in asked.text, asked.text
    assert bot.snapshot() == before
    assert not say(bot, f"koble organisasjon {TENANT} fjern bekreft", user="aad-wrong", channel="agder").ok
    done = bot.say(f"koble organisasjon {TENANT} fjern bekreft", as_="admin", channel="nasjonal")
    assert done.ok and removed in done.title, done
    assert bot.tables("meta").get("organisations") in ({}, None)
    told = bot.outcomes[-1].announcements
    assert told and any("agder" in str(a.to) for a in told)
    gone = say(bot, "hvem", user="aad-wrong", channel="agder", organisation=TENANT)
    assert not gone.ok and "bli med" in gone.text
    again = bot.say(f"koble organisasjon {TENANT} fjern bekreft", as_="admin", channel="nasjonal")
    assert not again.ok and nothing in again.text
    bot.say("koble organisasjon T0WRONG1 agder koordinator", as_="admin", channel="nasjonal")
    log = bot.say("logg", as_="admin", channel="nasjonal")
    assert logged in log.text and "team:" not in log.text, log.text


@pytest.mark.parametrize(("form", "said"), [("nb", "Slack gir den ikke"), ("nn", "Slack gjev ho ikkje")])
def test_a_domain_binding_says_it_matches_only_where_the_platform_gives_the_address(form: str, said: str) -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 10))
    if form == "nn":
        assert bot.say("målform nn", as_="admin", channel="nasjonal").ok
        assert bot.say("målform kanal nn", as_="admin", channel="nasjonal").ok
    reply = bot.say("koble organisasjon innovasjonnorge.no IN", as_="admin", channel="nasjonal")
    assert reply.ok and said in reply.text, reply.text
    tenant = bot.say(f"koble organisasjon {TENANT} SIVA", as_="admin", channel="nasjonal")
    assert tenant.ok and said not in tenant.text


@pytest.mark.parametrize(("form", "said"), [("nb", "i en personlig chat"), ("nn", "i ein personleg chat")])
def test_hvem_in_a_teams_channel_says_where_to_ask_alone(form: str, said: str) -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 10))
    bot.say(f"koble organisasjon {TENANT} IN", as_="admin")
    if form == "nn":
        assert say(bot, "målform nn", user="aad-eva", channel="19:in@thread.tacv2", organisation=TENANT).ok
    who = say(bot, "hvem", user="aad-eva", channel="19:in@thread.tacv2", organisation=TENANT)
    assert who.ok and said in who.text and f"Teams {TENANT}" in who.text, who.text


@pytest.mark.parametrize("typed", ["koble organisasjon", "koble organisasjon fjern"])
def test_a_binding_without_its_organisation_names_both_ways_to_write_it_and_changes_nothing(typed: str) -> None:
    """A bare `koble organisasjon` (or `… fjern` with no organisation) says how to bind and how to remove."""
    bot = make_bot(at=oslo(2027, 1, 5, 10))
    before = bot.snapshot()
    reply = bot.say(typed, as_="admin", channel="nasjonal")
    assert not reply.ok
    assert "«koble organisasjon innovasjonnorge.no IN»" in reply.text, reply.text
    assert "«koble organisasjon innovasjonnorge.no fjern»" in reply.text, reply.text
    assert bot.snapshot() == before
