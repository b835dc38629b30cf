"""People known by their organisation (issue 20): `koble organisasjon`, the caller resolved by their own
binding first and then their organisation, and `hvem`."""

from __future__ import annotations

import pytest

from bot.messages import Reply, Request
from bot.model.identity import organisation_key
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions
from tests.helpers import assert_refused

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
OTHER_TENANT = "0d5a1e4c-7b1e-4c1a-9a55-1f0e6b3c2d10"
ADMIN_TEAMS = "11111111-0000-0000-0000-000000000009"


def say(bot: BotDriver, text: str, *, user: str, channel: str, organisation: str | None = None) -> Reply:
    """A person from another organisation, as Slack and Teams carry them (`Request.organisation`)."""
    request = Request(
        platform="teams", user_id=user, channel_id=channel, text=text, user_name=user.title(), organisation=organisation
    )
    outcome = bot.core.handle(request)
    bot.outcomes.append(outcome)
    return outcome.reply


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        (TENANT.upper(), f"tenant:{TENANT}"),
        ("T0EXTERNAL1", "team:T0EXTERNAL1"),
        ("E0GRID0001", "team:E0GRID0001"),
        ("@InnovasjonNorge.no", "domain:innovasjonnorge.no"),
        ("siva.no", "domain:siva.no"),
        ("agder", None),
        ("T1", None),
        ("-bad-.no", None),
    ],
)
def test_organisation_key_reads_a_tenant_a_team_or_a_domain(typed: str, key: str | None) -> None:
    assert organisation_key(typed) == key


def test_a_person_of_a_bound_tenant_gets_ins_neste_and_signs_for_in_without_a_person_command() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 10))
    record_all_preconditions(bot, year=2027)
    reply = bot.say(f"koble organisasjon {TENANT} IN", as_="admin")
    assert reply.ok and "rådgiver for Innovasjon Norge" in reply.text
    assert bot.tables("meta")["organisations"] == {f"tenant:{TENANT}": {"party": "IN", "role": "adviser"}}
    assert bot.core.state.history("meta")[-1]["action"] == "bind_organisation"

    neste = say(bot, "neste", user="aad-eva", channel="agder", organisation=TENANT)
    assert neste.ok and "Innovasjon Norge" in neste.text
    signed = say(bot, "signer IN agder 2027 versjon 1", user="aad-eva", channel="agder", organisation=TENANT)
    assert signed.ok, signed.text
    assert "IN" in bot.tables("cycle/agder/2027")["signatures"]

    stranger = say(bot, "signer IN agder 2027", user="aad-max", channel="agder", organisation=OTHER_TENANT)
    assert not stranger.ok and "ikke registrert" in stranger.text


def test_a_persons_own_binding_wins_over_their_organisation() -> None:
    bot = make_bot()
    bot.say(f"koble organisasjon {TENANT} IN", as_="admin")
    bot.say("person aad-eva SIVA radgiver", as_=ADMIN_TEAMS, platform="teams", channel="19:nasjonal@thread.tacv2")
    reply = say(bot, "hvem", user="aad-eva", channel="siva", organisation=TENANT)
    assert reply.ok and "Hvem er med for Siva" in reply.text


def test_an_organisation_is_bound_once_and_never_as_admin() -> None:
    bot = make_bot()
    assert bot.say("koble organisasjon siva.no SIVA koordinator", as_="admin").ok
    again = bot.say("koble organisasjon siva.no SIVA koordinator", as_="admin")
    assert again.ok and "allerede" in again.text
    assert_refused(bot, "koble organisasjon siva.no SIVA admin", as_="admin", contains="ikke administrator")
    assert_refused(bot, "koble organisasjon agder agder", as_="admin", contains="verken en tenant-id")
    assert_refused(bot, "koble organisasjon siva.no", as_="admin", contains="koble organisasjon")
    assert_refused(bot, "koble organisasjon siva.no ukjent", as_="admin", contains="Ukjent part")
    assert_refused(bot, "koble organisasjon siva.no SIVA", as_="ola", contains="Bare en administrator")


def test_hvem_lists_privately_who_is_known_for_a_party_and_how() -> None:
    bot = make_bot()
    bot.say("koble organisasjon innovasjonnorge.no IN", as_="admin")
    reply = bot.say("hvem IN", as_="kari")
    assert reply.ok and reply.visibility == "private"
    assert "Gjennom organisasjonen" in reply.text and "e-post innovasjonnorge.no" in reply.text
    assert "Registrert hver for seg" in reply.text and "Ola" in reply.text
    assert_refused(bot, "hvem IN", as_="ukjent", contains="ikke registrert")


# --- joining without an admin (bli med, opptak, forlat) -------------------------------------------------


def test_an_unknown_person_is_told_how_to_join_and_a_coordinator_lets_them_in_with_one_click() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 10))
    refused = assert_refused(bot, "signer agder agder 2027", as_="nora", channel="agder", contains="bli med")
    assert "kan lese alt" in refused.text
    assert [(b.label, b.command) for b in refused.buttons] == [("Bli med for Agder fylkeskommune", "bli med agder")]

    # Asked in the party's own channel: the reply is the one message with the buttons, calling on Agder's
    # coordinator; the party's channels on the other platforms get it too.
    message = bot.say("bli med", as_="nora", channel="agder")  # the channel's party
    assert message.ok and message.visibility == "channel" and "nora vil bli med for Agder" in message.title
    assert [b.command for b in message.buttons] == ["opptak ja 1", "opptak nei 1"]
    assert [m.person for m in message.mentions] == ["kari"]
    assert {a.to.platform for a in bot.last.announcements} == {"slack", "teams"}
    again = bot.say("bli med agder", as_="nora", channel="agder")
    assert again.ok and "allerede spurt" in again.text and bot.last.announcements == ()

    assert_refused(bot, "opptak ja 1", as_="ola", channel="in", contains="Bare koordinatorene for Agder")
    assert_refused(bot, "opptak ja 1", as_="nora", channel="agder", contains="Bare koordinatorene")
    let_in = bot.say(message.buttons[0].command, as_="kari", channel="agder")
    assert let_in.ok and "nora er med for Agder" in let_in.text
    assert bot.tables("meta")["people"]["terminal:nora"]["role"] == "adviser"
    assert "slapp inn nora som rådgiver" in bot.say("logg agder", as_="kari").text
    twice = bot.say("opptak nei 1", as_="kari", channel="agder")
    assert twice.ok and "allerede besvart" in twice.text
    assert bot.say("hvem agder", as_="nora").ok


def test_the_answer_is_told_where_the_person_asked() -> None:
    bot = make_bot()
    asked = bot.say("bli med IN", as_="nora", channel="nora-kanal")
    # IN has no coordinator: the person is told an administrator answers (walk 2, D), not «koordinatorene».
    assert asked.visibility == "private" and "spurt en administrator" in asked.text
    assert "rådgiver for Innovasjon Norge" in asked.text
    (message,) = [a for a in bot.last.announcements if a.to.platform == "terminal"]
    # IN has no coordinator among its people (Ola is an adviser): the admins are called on, where they read
    # (the national channel), not in IN's channel whose advisers may not answer (walk 5, N1)
    assert message.to.channel_id == "nasjonal" and [m.person for m in message.reply.mentions] == ["admin"]
    refused = bot.say("opptak nei 1", as_="admin", channel="nasjonal")
    assert refused.ok and "ble ikke med" in refused.text
    assert "terminal:nora" not in bot.tables("meta").get("people", {})
    bot.say("bli med IN", as_="nora", channel="nora-dm")
    bot.say("opptak ja 2", as_="admin", channel="nasjonal")
    (told,) = bot.last.announcements
    assert told.to.channel_id == "nora-dm" and "slapp deg inn som rådgiver for Innovasjon Norge" in told.reply.text
    assert [m.person for m in told.reply.mentions] == ["nora"]


def test_nothing_a_person_asks_for_changes_another_partys_rights() -> None:
    bot = make_bot()
    assert_refused(bot, "bli med SIVA", as_="ola", channel="in", contains="Du er med for Innovasjon Norge")
    assert_refused(bot, "bli med IN", as_="ola", channel="in", contains="allerede med")
    bot.say("bli med agder", as_="nora", channel="agder")
    assert_refused(bot, "opptak ja 1", as_="per", channel="vestland", contains="Berre koordinatorane for Agder")


def test_a_person_leaves_and_an_admin_removes_anyone() -> None:
    bot = make_bot()
    bot.say(f"koble organisasjon {TENANT} IN", as_=ADMIN_TEAMS, platform="teams", channel="19:nasjonal@thread.tacv2")
    assert say(bot, "hvem", user="aad-eva", channel="19:in@thread.tacv2", organisation=TENANT).ok
    left = say(bot, "forlat IN", user="aad-eva", channel="19:in@thread.tacv2", organisation=TENANT)
    assert left.ok and "ikke lenger med for Innovasjon Norge" in left.text
    gone = say(bot, "hvem", user="aad-eva", channel="19:in@thread.tacv2", organisation=TENANT)
    assert not gone.ok and "bli med" in gone.text  # their own «left» wins over their organisation
    assert_refused(bot, "forlat IN", as_="nora", channel="in", contains="ikke med for Innovasjon Norge")
    assert_refused(bot, "forlat IN @ola", as_="siri", channel="siva", contains="Bare en administrator")
    # Walk 18 F2: Ola is IN's only registered person, so the admin is asked first, as Ola would be.
    assert_refused(bot, "forlat IN @ola", as_="admin", channel="nasjonal", contains="den eneste som er registrert")
    removed = bot.say("forlat IN @ola bekreft", as_="admin", channel="nasjonal")
    assert removed.ok and "Ola" in removed.text and "fjernet" in removed.text
    assert not bot.say("hvem", as_="ola", channel="in").ok


def test_a_person_known_by_their_organisation_writes_for_their_party_alone() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 10))
    record_all_preconditions(bot, year=2027)
    bot.say(f"koble organisasjon {TENANT} IN", as_="admin")
    assert say(bot, "neste", user="aad-eva", channel="agder", organisation=TENANT).ok  # met: kept (`bot.model.met`)
    before = bot.snapshot()
    for text, why in (
        ("signer SIVA agder 2027 versjon 1", "Bare Siva"),
        ("dato vår agder 22. april 2027", "Bare Agder"),
        ("forutsetning tildelingsbrev SIVA 2027", "Siva"),
        ("koble region agder", "Bare en administrator"),
        (f"koble organisasjon {OTHER_TENANT} IN koordinator", "Bare en administrator"),
        ("opptak ja 1", "forespørsel"),
    ):
        reply = say(bot, text, user="aad-eva", channel="agder", organisation=TENANT)
        assert not reply.ok and why in reply.text, (text, reply.text)
    assert bot.snapshot() == before


def test_a_request_number_taken_meanwhile_by_another_process_is_never_overwritten(monkeypatch) -> None:
    from bot.actions import membership

    bot = make_bot()
    bot.say("bli med agder", as_="nora", channel="agder")
    # Another process wrote request 1 between this one's read (which did not see it) and its write.
    real = membership.join_requests
    monkeypatch.setattr(membership, "join_requests", lambda acting: {k: v for k, v in real(acting).items() if k != "1"})
    assert_refused(bot, "bli med agder", as_="mia", channel="agder", contains="samme øyeblikk")
    assert bot.tables("meta")["join_requests"]["1"]["user_id"] == "nora"
