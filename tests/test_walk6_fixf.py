"""Walk 6 findings fixed in part fixf: nothing the bot suggests is refused when the reader runs it (F1), a
follow-up point's every owner keeps it (F2), no sign button before the window (F16), join requests'
buttons only for those who may press them (F13)."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver, make_bot, oslo
from tests.test_model_timing import digest


# -- F1: an actor is never told to run a command it will be refused -----------------------------------------
@pytest.mark.parametrize(
    ("form", "waits", "can"),
    [("nb", "Venter på Statsbudsjett", "Du kan gjøre nå"), ("nn", "Ventar på Statsbudsjett", "Du kan gjere no")],
)
def test_an_allocation_letter_waiting_on_the_state_budget_names_au_and_no_command(
    form: str, waits: str, can: str
) -> None:
    bot = make_bot(at=oslo(2027, 1, 15, 9))  # the state budget is not registered
    if form == "nn":
        assert bot.say("målform kanal nn", as_="admin", channel="in").ok
    for actor in ("in", "siva"):
        text = digest(bot, actor)
        assert "forutsetning tildelingsbrev" not in text and "forutsetning statsbudsjett" not in text, text
        assert "AU registrerer det først" in text, text
    assert waits in digest(bot, "in")
    mine = bot.say("neste", as_="ola", channel="in").text
    assert can not in mine, mine
    refused = bot.say("forutsetning tildelingsbrev IN 2027", as_="ola", channel="in")
    assert not refused.ok and "AU registrerer det" in refused.text, refused.text
    assert "forutsetning statsbudsjett" not in refused.text and "føresetnad" not in refused.text
    # once AU has registered it, the letter is IN's to record, and the reminder says how
    assert bot.say("forutsetning statsbudsjett 2027", as_="aud", channel="nasjonal").ok
    received = "mottatt" if form == "nb" else "motteke"  # with the day it came (walk 17 F-b)
    assert f"tildelingsbrev IN 2027 {received} <dag>»" in digest(bot, "in")
    assert can in bot.say("neste", as_="ola", channel="in").text
    assert bot.say("forutsetning tildelingsbrev IN 2027", as_="ola", channel="in").ok


# -- F16: no «Signer» button before the signing window opens -------------------------------------------------
def _ready_but_for_the_window(bot: BotDriver, *, person: str, region: str) -> None:
    assert bot.say("forutsetning statsbudsjett 2027", as_="aud", channel="nasjonal").ok
    for actor, who in (("IN", "ola"), ("SIVA", "siri"), ("NFR", "nils"), ("RFF", "rita")):
        assert bot.say(f"forutsetning tildelingsbrev {actor} 2027", as_=who, channel=actor.lower()).ok
    assert bot.say("forutsetning budsjett 2027", as_=person, channel=region).ok
    assert bot.say(f"referat politisk {region} 2027 Vedtatt i fylkestinget bekreft", as_=person, channel=region).ok
    assert bot.say(f"avtale https://dok.fylke.no/{region}-2027.pdf", as_=person, channel=region).ok


@pytest.mark.parametrize(
    ("person", "region", "opens"),
    [("kari", "agder", "kan signeres fra 1. januar 2027"), ("per", "vestland", "kan signerast frå 1. januar 2027")],
)
def test_no_sign_button_before_january_and_the_line_says_from_when(person: str, region: str, opens: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 1, 10))
    _ready_but_for_the_window(bot, person=person, region=region)
    for command, channel, who in (("neste", region, person), ("status 2027", region, person), ("neste", "in", "ola")):
        reply = bot.say(command, as_=who, channel=channel)
        assert not [b for b in reply.buttons if b.command.startswith("signer")], reply.buttons
        if who == person:
            assert opens in reply.text, reply.text
    assert "signer" not in digest(bot, "in").replace("signert", "")
    bot.set_time(2027, 1, 4, 10)  # the window is open: the button is there, and a click is kept
    buttons = [b for b in bot.say("neste", as_=person, channel=region).buttons if b.command.startswith("signer")]
    assert buttons and bot.say(buttons[0].command, as_=person, channel=region).ok
    bot.set_time(2027, 2, 2, 10)  # after the deadline: the button asks the confirm question (existing rule)
    late = [b for b in bot.say("neste", as_="ola", channel="in").buttons if b.command.startswith("signer")]
    assert late and late[0].command.split()[-1] in ("bekreft", "stadfest") and late[0].confirm


# -- F2: a follow-up point with several owners: each owner keeps it, is reminded and closes its own ---------
@pytest.mark.parametrize(
    ("person", "region", "minutes", "due"),
    [
        ("kari", "agder", "referat høst Godt møte oppfølging: Lage felles tall @IN @SIVA innen 15. desember", "innen"),
        (
            "per",
            "vestland",
            "referat haust Godt møte oppfølging: Lage felles tal @IN @siva innan 15. desember",
            "innan",
        ),
    ],
)
def test_every_owner_of_a_point_keeps_it_is_reminded_and_closes_it(
    person: str, region: str, minutes: str, due: str
) -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    assert bot.say("referat høst Høstmøtet holdt", as_="aud", channel="nasjonal").ok
    reply = bot.say(minutes, as_=person, channel=region)
    assert reply.ok, reply.text
    points = bot.tables(f"cycle/{region}/2026")["milestones"]["regional-autumn"]["outcome"]["followups"]
    ids = {point["owner"]: point["id"] for point in points}
    assert set(ids) == {"IN", "SIVA"} and len(set(ids.values())) == 2, points
    assert all("@" not in point["text"] and point["due"] == "2026-12-15" for point in points)
    # the reply says who owns each
    assert f"(Innovasjon Norge, {due} 15. desember 2026) [{ids['IN']}]" in reply.text, reply.text
    assert f"(Siva, {due} 15. desember 2026) [{ids['SIVA']}]" in reply.text, reply.text
    for owner, who, channel in (("IN", "ola", "in"), ("SIVA", "siri", "siva")):
        assert f"ferdig {ids[owner]}" in [b.command for b in bot.say("neste", as_=who, channel=channel).buttons]
    bot.set_time(2026, 12, 16, 9)  # past the due date: both owners' channels are reminded
    assert ids["SIVA"] in digest(bot, "siva") and ids["IN"] in digest(bot, "in")
    assert bot.say(f"ferdig {ids['SIVA']}", as_="siri", channel="siva").ok
    assert not bot.say(f"ferdig {ids['IN']}", as_="siri", channel="siva").ok  # not Siva's to close
    assert bot.say(f"ferdig {ids['IN']}", as_="ola", channel="in").ok


# -- F13: a join request names who may answer it; anyone else pressing is told who can ------------------------
def test_a_join_request_names_who_answers_and_a_refused_press_says_who_can() -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    asked = bot.say("bli med IN", as_="U0NY2", channel="C0IN", platform="slack", user_name="Jon Ny")
    posts = [a for a in bot.last.announcements if a.reply.buttons] + ([asked] if asked.buttons else [])
    assert posts
    for post in posts:
        reply = getattr(post, "reply", post)
        assert "Bare en administrator (Driftsansvarlig) kan svare." in reply.text, reply.text
        assert [m.name for m in reply.mentions] == ["Driftsansvarlig"]
    before = bot.snapshot()
    for person, channel, said in (
        ("aud", "nasjonal", "Bare en administrator (Driftsansvarlig) kan svare på hvem som blir med for Innovasjon"),
        ("per", "vestland", "Berre ein administrator (Driftsansvarlig) kan svare på kven som vert med for Innovasjon"),
    ):
        refused = bot.say("opptak ja 1", as_=person, channel=channel)
        assert not refused.ok and said in refused.text, refused.text
    assert bot.snapshot() == before
    # a party with coordinators: they are named, with the admins
    bot.say("bli med agder", as_="U0NY3", channel="C0AGDER", platform="slack", user_name="Eva Ny")
    refused = bot.say("opptak ja 2", as_="ola", channel="in")
    assert "koordinatorene for Agder fylkeskommune (Kari Nordmann) eller en administrator" in refused.text, refused
    assert bot.say("opptak ja 1", as_="admin", channel="nasjonal").ok
