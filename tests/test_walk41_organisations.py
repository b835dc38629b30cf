"""Walk 41: twenty organisations met in the real clients. People from other Slack workspaces and Teams
tenants, bound by `koble organisasjon`, sign, ask and read; what they read names their platform as people
do («Slack», «Teams») and points them to the party of the channel they are in."""

from __future__ import annotations

import asyncio
from typing import Any

from adapters.slack.render import message_payload
from bot.messages import Reply, Request
from bot.reminders.passes import run_pass
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions, register_text
from tests.helpers import senders_for

TENANT = "aaaaaaaa-1111-2222-3333-444444444444"
TEAMS_AGDER = "19:agder@thread.tacv2"


def from_org(
    bot: BotDriver, text: str, *, user: str, channel: str, organisation: str | None, platform: str = "slack"
) -> Reply:
    """A person from another organisation, as Slack (`user_team`) and Teams (their tenant) carry them."""
    request = Request(
        platform=platform,
        user_id=user,
        channel_id=channel,
        text=text,
        user_name=user.title(),
        organisation=organisation,
    )
    outcome = bot.core.handle(request)
    bot.outcomes.append(outcome)
    return outcome.reply


def test_logg_and_the_receipt_name_slack_and_teams_as_people_write_them() -> None:
    bot = make_bot(at=oslo(2027, 1, 11, 9, 0))
    bot.say("koble organisasjon T0INNOVA IN", as_="admin")
    bot.say(f"koble organisasjon {TENANT} agder koordinator", as_="admin")
    record_all_preconditions(bot, year=2027)
    register_text(bot, year=2027)
    signed = from_org(bot, "signer", user="lise", channel=TEAMS_AGDER, organisation=TENANT, platform="teams")
    assert signed.title == "Signert for Agder fylkeskommune"
    from_org(bot, "signer", user="anne", channel="C0INAGDER", organisation="T0INNOVA")

    log = bot.say("logg")
    assert "Anne (Slack): Signerte samarbeidsavtalen 2027" in log.text
    assert "Lise (Teams): Signerte samarbeidsavtalen 2027" in log.text
    assert "(slack)" not in log.text and "(teams)" not in log.text
    receipt = bot.say("kvittering").text
    assert "Lise, 11.01.2027 kl. 09.00 (Europe/Oslo), Teams, kanal" in receipt
    assert "Anne, 11.01.2027 kl. 09.00 (Europe/Oslo), Slack, kanal" in receipt
    # the parties still to sign named as `neste` names them, not by the codes typed in commands
    assert "Status: mangler signatur fra Siva, Norges forskningsråd, Regionale forskningsfond" in receipt


def test_a_join_request_names_the_platform_it_came_from() -> None:
    bot = make_bot(at=oslo(2027, 1, 11, 9, 0))
    asked = from_org(bot, "bli med IN", user="anne", channel="C0IN", organisation="T0OTHERWS")
    assert "Anne (Slack T0OTHERWS) ber om å bli med som rådgiver for Innovasjon Norge" in asked.text
    # IN has no coordinator, so an admin answers: told how to let the whole workspace in at once
    assert "Alle fra Slack T0OTHERWS kan kobles til en part på én gang: «koble organisasjon T0OTHERWS <part>»." in (
        asked.text
    )
    terminal = bot.say("bli med IN", as_="gjest", channel="in")
    assert "gjest (terminal) ber om" in terminal.text and "koble organisasjon" not in terminal.text
    coordinated = from_org(bot, "bli med agder", user="bo", channel="C0AGDER", organisation="T0OTHERWS")
    told = [a.reply.text for a in bot.last.announcements] + [coordinated.text]
    assert any("Bo (Slack T0OTHERWS) ber om" in text for text in told), told
    assert not any("koble organisasjon" in text for text in told)  # a coordinator cannot bind it


def test_a_stranger_in_a_regions_channel_is_shown_how_to_join_that_region() -> None:
    bot = make_bot(at=oslo(2027, 1, 11, 9, 0))
    refused = from_org(bot, "signer", user="anne", channel="C0AGDER", organisation="T0NEWJOB")
    assert "f.eks. «bli med agder»" in refused.text
    assert [button.command for button in refused.buttons] == ["bli med agder"]
    asked = from_org(bot, "hvem", user="anne", channel="C0SIVA", organisation="T0NEWJOB")
    assert "f.eks. «bli med SIVA»" in asked.text


def test_someone_waiting_for_an_answer_is_told_so_when_they_try_to_record() -> None:
    bot = make_bot(at=oslo(2027, 1, 11, 9, 0))
    asked = from_org(bot, "bli med SIVA", user="gro", channel="C0AGDER", organisation="T0GUESTWS")
    assert asked.ok
    before = bot.snapshot()
    refused = from_org(bot, "signer", user="gro", channel="C0AGDER", organisation="T0GUESTWS")
    assert not refused.ok
    assert "Forespørselen din om å bli med for Siva (forespørsel 1) venter på svar" in refused.text
    assert "bli med agder" not in refused.text and refused.buttons == ()
    assert bot.snapshot() == before
    again = from_org(bot, "bli med SIVA", user="gro", channel="C0AGDER", organisation="T0GUESTWS")
    assert again.ok and bot.snapshot() == before
    other = from_org(bot, "bli med IN", user="gro", channel="C0AGDER", organisation="T0GUESTWS")
    assert not other.ok and "Du har allerede spurt om å bli med for Siva (forespørsel 1)" in other.text


def test_binding_an_organisation_names_its_kind_as_hvem_and_the_removal_do() -> None:
    bot = make_bot(at=oslo(2027, 1, 11, 9, 0))
    bound = bot.say("koble organisasjon T0INNOVA IN", as_="admin")
    assert "Alle fra Slack T0INNOVA er nå rådgiver for Innovasjon Norge" in bound.text
    again = bot.say("koble organisasjon T0INNOVA IN", as_="admin")
    assert "Slack T0INNOVA er allerede koblet til Innovasjon Norge som rådgiver." in again.text
    asked = bot.say("koble organisasjon T0INNOVA SIVA", as_="admin")
    assert asked.text.startswith("Alle fra Slack T0INNOVA er rådgiver for Innovasjon Norge.")
    tenant = bot.say(f"koble organisasjon {TENANT} agder koordinator", as_="admin")
    assert f"Alle fra Teams {TENANT} er nå koordinator for Agder fylkeskommune" in tenant.text
    assert "Slack T0INNOVA: alle som rådgiver" in bot.say("hvem IN", as_="admin").text


def test_a_bare_status_in_a_personal_chat_lists_the_callers_actors_points() -> None:
    bot = make_bot(at=oslo(2026, 9, 7, 10))
    bot.say("koble organisasjon T0INNOVA IN", as_="admin")
    assert bot.say("dato høstmøte 20. oktober kl 10", as_="aud", channel="nasjonal").ok
    bot.set_time(2026, 10, 21, 10)
    assert bot.say("referat høstmøte OK. oppfølging: Sende tall @IN innen 1.12.", as_="aud", channel="nasjonal").ok
    bot.set_time(2026, 11, 13, 11)
    request = Request(
        platform="slack", user_id="anne", channel_id="D0ANNE", text="status", organisation="T0INNOVA", personal=True
    )
    status = bot.core.handle(request).reply
    assert status.ok and status.title == "Status Innovasjon Norge", status.text
    assert "Sende tall" in status.text and "status agder 2027" in status.text


def blocks_of(reply: Reply) -> list[dict[str, Any]]:
    return message_payload(reply)["blocks"]


def _point_reminders(first: str) -> list[Reply]:
    """Anne, known through IN's workspace, types `first`, owns the point «sende tall» from Agder's autumn
    meeting, and a reminder pass runs on its lead day: its Slack posts."""
    bot = make_bot(at=oslo(2026, 11, 23, 10, 0))
    bot.say("koble organisasjon T0INNOVA IN", as_="admin")
    assert from_org(bot, first, user="U9ANNE", channel="C0IN", organisation="T0INNOVA").ok
    minutes = "referat høst agder 2026 Godt møte. oppfølging: sende tall <@U9ANNE> innen 4. desember bekreft"
    assert bot.say(minutes, as_="U0KARI", platform="slack", channel="C0AGDER").ok
    bot.set_time(2026, 12, 2, 9, 0)
    senders = senders_for(bot)
    asyncio.run(run_pass(core=bot.core, senders=senders))
    return [reply for _day, _channel, reply in senders["slack"].posts if "«sende tall»" in reply.text]


def test_a_points_reminder_calls_on_its_owner_known_through_the_organisation() -> None:
    posts = _point_reminders("neste")
    assert posts, "the point's reminder went out"
    for post in posts:
        owner = [mention for mention in post.mentions if mention.person == "U9ANNE"]
        assert owner and owner[0].ids == {"slack": "U9ANNE"}, post.mentions
        assert "Til: Ola Berg, U9Anne" in post.text
        assert blocks_of(post)[-1]["elements"][0]["text"] == "Til: <@U0OLA>, <@U9ANNE>"


def test_an_owner_who_turned_mentions_off_is_not_called_on() -> None:
    posts = _point_reminders("varsel av")
    assert posts and all("U9ANNE" not in [m.person for m in post.mentions] for post in posts)


def test_a_new_point_is_told_to_its_owners_channels_naming_and_calling_on_the_owner() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 10, 0))
    bot.say("koble organisasjon T0INNOVA IN", as_="admin")
    assert from_org(bot, "neste", user="U9ANNE", channel="C0IN", organisation="T0INNOVA").ok
    minutes = "referat høst agder 2026 Godt møte. oppfølging: sende tall <@U9ANNE> innen 4. desember bekreft"
    assert bot.say(minutes, as_="U0KARI", platform="slack", channel="C0AGDER").ok
    told = [a.reply for a in bot.last.announcements if a.to.channel_id == "C0INAGDER"]
    assert told and "sende tall [" in told[0].text and "] (U9Anne, innen 4. desember 2026)" in told[0].text
    assert [mention.ids for mention in told[0].mentions] == [{"slack": "U9ANNE"}]
    assert blocks_of(told[0])[-1]["elements"][0]["text"] == "Til: <@U9ANNE>"


def test_unbinding_an_organisation_says_how_its_people_ask_to_come_back() -> None:
    bot = make_bot(at=oslo(2027, 1, 11, 9, 0))
    bot.say("koble organisasjon T0INNOVA IN", as_="admin")
    gone = bot.say("koble organisasjon T0INNOVA fjern bekreft", as_="admin")
    assert "De kan be om å komme med igjen: «bli med IN»." in gone.text
    told = [a.reply.text for a in bot.last.announcements if a.to.channel_id == "C0IN"]
    assert told and "«bli med IN»" in told[0]
    assert from_org(bot, "bli med IN", user="anne", channel="C0IN", organisation="T0INNOVA").ok


def test_a_bare_hvem_from_an_admin_lists_every_organisation_bound() -> None:
    bot = make_bot(at=oslo(2027, 1, 11, 9, 0))
    assert "Hvilken part?" in bot.say("hvem", as_="admin").text  # nothing bound yet
    bot.say("koble organisasjon T0INNOVA IN", as_="admin")
    bot.say(f"koble organisasjon {TENANT} agder koordinator", as_="admin")
    bot.say("koble organisasjon siva.no SIVA", as_="admin")
    listed = bot.say("hvem", as_="admin")
    assert listed.ok and listed.title == "Koblede organisasjoner"
    assert "3 organisasjoner er koblet til en part." in listed.text
    assert f"Teams {TENANT}: Agder fylkeskommune: alle som koordinator" in listed.text
    assert "Slack T0INNOVA: Innovasjon Norge: alle som rådgiver" in listed.text
    assert "e-post siva.no: Siva: alle som rådgiver" in listed.text
    assert "Slack T0INNOVA" in bot.say("hvem IN", as_="admin").text
    assert bot.say("hvem", as_="ola", channel="nasjonal").title == "Hvem er med for Innovasjon Norge"


def test_the_au_role_is_refused_for_another_party_as_person_and_as_organisation() -> None:
    bot = make_bot(at=oslo(2027, 1, 11, 9, 0))
    before = bot.snapshot()
    for typed in ("koble organisasjon T0AGDERFK agder au", "person <@U9TEST> IN au Test Testesen"):
        refused = bot.say(typed, as_="U0ADMIN", platform="slack", channel="C0NASJONAL")
        assert not refused.ok and "«au» er rollen i Regionalutviklingskollegiets arbeidsutvalg (AU)." in refused.text
    assert bot.snapshot() == before
    assert bot.say("koble organisasjon regjeringen.no AU", as_="admin").ok
    assert bot.say("person <@U9TEST> AU au Test Testesen", as_="U0ADMIN", platform="slack", channel="C0NASJONAL").ok


def test_slack_leaves_out_a_button_whose_command_is_longer_than_a_button_holds() -> None:
    bot = make_bot(at=oslo(2026, 11, 24, 9, 0))
    minutes = "referat høst " + "Godt møte om FoU & innovasjon. " * 80 + "oppfølging: sende tall @IN innen 4. desember"
    asked = bot.say(minutes, as_="U0KARI", platform="slack", channel="C0AGDER")
    assert not asked.ok and [len(b.command) > 2000 for b in asked.buttons] == [True]
    payload = message_payload(asked)
    assert [block for block in payload["blocks"] if block["type"] == "actions"] == []
    assert "«bekreft» til slutt" in payload["text"]
    short = bot.say("referat høst Godt møte", as_="U0KARI", platform="slack", channel="C0AGDER")
    assert [e["value"] for b in blocks_of(short) if b["type"] == "actions" for e in b["elements"]] == [
        "referat høst Godt møte bekreft"
    ]


def test_hvem_nasjonal_is_aus_list() -> None:
    bot = make_bot(at=oslo(2027, 1, 11, 9, 0))
    for typed in ("hvem nasjonal", "hvem AU"):
        assert bot.say(typed, as_="admin").title == "Hvem er med for Regionalutviklingskollegiets arbeidsutvalg (AU)"
