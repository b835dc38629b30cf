"""Walk 18's findings on roles (issue 18): a stale `bli med` request settled by a role given another way
(F1), `koble organisasjon` over another party's binding (F4), binding a private chat (F12), removing the
only coordinator (F2), registering an admin (F15) and a promotion worded as one (F8)."""

from __future__ import annotations

import pytest

from bot.messages import Reply, Request
from tests.driver import BotDriver, make_bot, oslo

ADMIN = "U0ADMIN"


def slack(bot: BotDriver, text: str, *, user: str, channel: str, organisation: str | None = None) -> Reply:
    """A Slack person, with their team when given (`Request.organisation`)."""
    request = Request(
        platform="slack", user_id=user, channel_id=channel, text=text, user_name=None, organisation=organisation
    )
    outcome = bot.core.handle(request)
    bot.outcomes.append(outcome)
    return outcome.reply


def _asked(form: str) -> BotDriver:
    bot = make_bot(at=oslo(2026, 9, 7, 10))
    if form == "nn":
        assert slack(bot, "målform nn", user=ADMIN, channel="C0NASJONAL").ok
    assert slack(bot, "koble region rogaland", user=ADMIN, channel="C0ROG").ok
    assert slack(bot, "bli med", user="U0NEW", channel="C0ROG").ok
    return bot


@pytest.mark.parametrize("form", ["nb", "nn"])
@pytest.mark.parametrize("answer", ["ja", "nei"])
def test_a_request_settled_by_person_is_not_answered_and_keeps_the_coordinator(form: str, answer: str) -> None:
    bot = _asked(form)
    assert slack(bot, "person <@U0NEW> rogaland koordinator Nina Ny", user=ADMIN, channel="C0NASJONAL").ok
    assert bot.tables("meta")["join_requests"]["1"]["status"] == "settled"
    before = bot.snapshot()
    stale = slack(bot, f"opptak {answer} 1", user=ADMIN, channel="C0NASJONAL")
    assert not stale.ok
    assert bot.snapshot() == before
    settled = "er avgjort" if form == "nb" else "er avgjord"
    assert settled in stale.text and "Nina Ny" in stale.text
    assert slack(bot, "dato vår 24. april", user="U0NEW", channel="C0ROG").ok


@pytest.mark.parametrize("answer", ["ja", "nei"])
def test_a_request_settled_by_the_organisation_is_not_answered_even_by_a_coordinator(answer: str) -> None:
    bot = _asked("nb")
    assert slack(bot, "bli med", user="U0ORG", channel="C0ROG", organisation="T0ROGFK123").ok
    assert slack(bot, "person <@U0NEW> rogaland koordinator Nina Ny", user=ADMIN, channel="C0NASJONAL").ok
    assert slack(bot, "koble organisasjon T0ROGFK123 rogaland koordinator", user=ADMIN, channel="C0NASJONAL").ok
    before = bot.snapshot()
    stale = slack(bot, f"opptak {answer} 2", user="U0NEW", channel="C0ROG")
    assert not stale.ok and "koordinator" in stale.text and "organisasjonen" in stale.text
    assert bot.snapshot() == before
    assert slack(bot, "dato vår 22. april", user="U0ORG", channel="C0ROG", organisation="T0ROGFK123").ok


TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"


@pytest.mark.parametrize(("form", "replaces"), [("nb", "erstatter"), ("nn", "erstattar")])
def test_binding_an_organisation_to_another_party_asks_first_and_names_what_it_replaces(
    form: str, replaces: str
) -> None:
    bot = make_bot(at=oslo(2026, 10, 5, 10))
    if form == "nn":
        assert bot.say("målform nn", as_="admin", channel="nasjonal").ok
    assert bot.say(f"koble organisasjon {TENANT} agder", as_="admin", channel="nasjonal").ok
    before = bot.snapshot()
    asked = bot.say(f"koble organisasjon {TENANT} RFF", as_="admin", channel="nasjonal")
    assert not asked.ok and replaces in asked.text and "Agder fylkeskommune" in asked.text, asked.text
    confirm = "bekreft" if form == "nb" else "stadfest"
    assert [b.command for b in asked.buttons] == [f"koble organisasjon {TENANT} RFF {confirm}"]
    assert bot.snapshot() == before
    done = bot.say(asked.buttons[0].command, as_="admin", channel="nasjonal")
    # Said to the national channel, in its written form (bokmål): the replaced binding is named.
    assert done.ok and "ikke lenger" in done.text and "Agder fylkeskommune" in done.text, done.text
    assert bot.tables("meta")["organisations"][f"tenant:{TENANT}"]["party"] == "RFF"
    summary = bot.core.state.history("meta")[-1]["summary"]  # the log says what was replaced
    assert "Agder fylkeskommune" in summary and "forskningsfond" in summary, summary
    # The same party in another role is no replacement of a party: no question.
    assert bot.say(f"koble organisasjon {TENANT} RFF koordinator", as_="admin", channel="nasjonal").ok


def _personal(bot: BotDriver, text: str, *, platform: str, user: str, channel: str) -> Reply:
    outcome = bot.core.handle(Request(platform=platform, user_id=user, channel_id=channel, text=text, personal=True))
    bot.outcomes.append(outcome)
    return outcome.reply


@pytest.mark.parametrize(
    ("platform", "user", "channel"),
    [("teams", "11111111-0000-0000-0000-000000000009", "a:1admin-personal"), ("slack", ADMIN, "D0ADMINDM")],
)
@pytest.mark.parametrize(
    "typed", ["koble region rogaland", "koble aktør IN agder", "koble nasjonal", "målform kanal nn"]
)
def test_a_personal_chat_is_never_bound_nor_given_a_channel_form(
    platform: str, user: str, channel: str, typed: str
) -> None:
    bot = make_bot(at=oslo(2026, 11, 2, 8))
    before = bot.snapshot()
    refused = _personal(bot, typed, platform=platform, user=user, channel=channel)
    assert not refused.ok and "privat samtale" in refused.text and f"«{typed}»" in refused.text, refused.text
    assert bot.snapshot() == before
    assert _personal(bot, "målform nn", platform=platform, user=user, channel=channel).ok
    nynorsk = _personal(bot, typed, platform=platform, user=user, channel=channel)
    assert not nynorsk.ok and "privat samtale" in nynorsk.text and "Ingenting er endra" in nynorsk.text


@pytest.mark.parametrize(
    ("form", "last"), [("nb", "den eneste som er registrert"), ("nn", "den einaste som er registrert")]
)
def test_an_admin_removing_the_only_coordinator_is_asked_first_and_the_admins_are_told(form: str, last: str) -> None:
    bot = make_bot(at=oslo(2027, 4, 26, 9))
    if form == "nn":
        assert bot.say("målform nn", as_="admin", channel="nasjonal").ok
    before = bot.snapshot()
    asked = bot.say("forlat agder @kari", as_="admin", channel="nasjonal")
    assert not asked.ok and "Kari Nordmann" in asked.text and last in asked.text, asked.text
    assert "forlat agder @kari " + ("bekreft" if form == "nb" else "stadfest") in asked.text, asked.text
    assert [b.command for b in asked.buttons] == ["forlat agder @kari " + ("bekreft" if form == "nb" else "stadfest")]
    assert bot.snapshot() == before
    removed = bot.say(asked.buttons[0].command, as_="admin", channel="nasjonal")
    assert removed.ok, removed.text
    told = [a.reply.text for a in bot.last.announcements]
    assert any("Driftsansvarlig fjernet Kari Nordmann" in text and "siste koordinatoren" in text for text in told), told
    assert not bot.say("dato vår 22. april", as_="kari").ok


def test_an_admin_removing_the_last_coordinator_beside_an_adviser_is_asked_first() -> None:
    bot = make_bot(at=oslo(2027, 4, 26, 9))
    assert bot.say("person @nina agder rådgiver Nina Ny", as_="admin", channel="nasjonal").ok
    before = bot.snapshot()
    asked = bot.say("forlat agder @kari", as_="admin", channel="nasjonal")
    assert not asked.ok and "Kari Nordmann er den siste koordinatoren" in asked.text, asked.text
    assert bot.snapshot() == before


def test_an_admin_removing_one_of_two_coordinators_is_not_asked() -> None:
    bot = make_bot(at=oslo(2027, 4, 26, 9))
    assert bot.say("person @nina agder koordinator Nina Ny", as_="admin", channel="nasjonal").ok
    assert bot.say("forlat agder @kari", as_="admin", channel="nasjonal").ok


@pytest.mark.parametrize(("form", "now"), [("nb", "er nå administrator."), ("nn", "er no administrator.")])
def test_an_admin_is_registered_without_a_party_and_is_no_partys_member(form: str, now: str) -> None:
    bot = make_bot(at=oslo(2026, 9, 7, 10))
    if form == "nn":
        assert slack(bot, "målform kanal nn", user=ADMIN, channel="C0NASJONAL").ok
    done = slack(bot, "person <@U0BOSS> admin Berit Sjef", user=ADMIN, channel="C0NASJONAL")
    assert done.ok and f"Berit Sjef {now}" in done.text, done.text
    assert slack(bot, "person <@U0BOSS2> admin", user=ADMIN, channel="C0NASJONAL").ok
    # The new admin acts as one: binds a channel.
    assert slack(bot, "koble region rogaland", user="U0BOSS", channel="C0ROG").ok
    before = bot.snapshot()
    for typed in ("person <@U0BOSS4> agder admin", "person <@U0BOSS4> nasjonal admin Berit Sjef"):
        refused = slack(bot, typed, user=ADMIN, channel="C0NASJONAL")
        assert not refused.ok and "person <@U0BOSS4> admin" in refused.text, refused.text
    assert bot.snapshot() == before
    for region in ("rogaland", "agder"):
        hvem = slack(bot, f"hvem {region}", user=ADMIN, channel="C0ROG")
        assert "Berit" not in hvem.text and "U0BOSS" not in hvem.text, hvem.text


@pytest.mark.parametrize(
    ("form", "before_was"), [("nb", "Før var Ingrid Haugen rådgiver."), ("nn", "Før var Ingrid Haugen rådgjevar.")]
)
def test_an_adviser_made_coordinator_of_her_own_party_is_promoted_without_a_question(
    form: str, before_was: str
) -> None:
    bot = make_bot(at=oslo(2026, 9, 14, 10))
    if form == "nn":
        assert slack(bot, "målform kanal nn", user=ADMIN, channel="C0NASJONAL").ok
    assert slack(bot, "person <@U0ZZ> vestland rådgiver Ingrid Haugen", user=ADMIN, channel="C0NASJONAL").ok
    promoted = slack(bot, "person <@U0ZZ> Vestland fylkeskommune koordinator", user=ADMIN, channel="C0NASJONAL")
    assert promoted.ok and "koordinator for Vestland fylkeskommune" in promoted.text, promoted.text
    assert before_was in promoted.text and "flytt" not in promoted.text.lower(), promoted.text
    # Back down to adviser in the same party loses rights: asked, worded as a change of role, not a move.
    before = bot.snapshot()
    asked = slack(bot, "person <@U0ZZ> vestland rådgiver", user=ADMIN, channel="C0NASJONAL")
    assert not asked.ok and "fjern" in asked.text and "flytt" not in asked.text.lower(), asked.text
    assert bot.snapshot() == before
