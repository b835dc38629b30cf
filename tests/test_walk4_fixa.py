"""Walk 4 findings fixed on branch fixa: reminders of follow-up points, an agreement ready before January,
signing buttons before the window, leads that reach the deadline, signatures told to the region, the
buttons each channel carries, and a decision's date called what it is."""

from __future__ import annotations

from datetime import date

from bot.messages import Button
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions
from tests.test_model_timing import posted

SIGNERS = {"agder": "kari", "vestland": "per", "IN": "ola", "SIVA": "siri", "NFR": "nils", "RFF": "rita"}


def _signing_buttons(buttons: tuple[Button, ...] | list[Button]) -> list[str]:
    return [b.command for b in buttons if b.command.startswith("signer")]


def _ready_in_december() -> BotDriver:
    """Agder's and Vestland's agreements 2028 with every precondition and a text in by 9 December 2027."""
    bot = make_bot(at=oslo(2027, 12, 9, 10))
    record_all_preconditions(bot, year=2028, region="agder")
    record_all_preconditions(bot, year=2028, region="vestland")
    return bot


# -- S6: no signing button carries the confirm word before the window opens --------------------------------
def test_a_signing_button_in_december_has_no_confirm_word_and_its_click_explains_the_window() -> None:
    bot = _ready_in_december()
    bot.set_time(2027, 12, 20, 10)
    for person, region, confirm in (("kari", "agder", "bekreft"), ("per", "vestland", "stadfest")):
        reply = bot.say("neste", as_=person)
        # walk 6, F16: no button before the window at all (its click would be refused); typed, it explains
        assert _signing_buttons(reply.buttons) == [], reply.text
        before = bot.snapshot()
        typed = bot.say(f"signer {region} {region} 2028 versjon 1", as_=person)
        assert not typed.ok and "1. januar 2028" in typed.text and confirm in typed.text, typed.text
        assert bot.snapshot() == before
    assert _signing_buttons(bot.say("status agder 2028", as_="ola", channel="in").buttons) == []


# -- M5: a single signature is told to the region's channel; M6: each channel carries its own buttons ------
def _announced(bot: BotDriver) -> dict[str, list[object]]:
    found: dict[str, list[object]] = {}
    for announcement in bot.last.announcements:
        found.setdefault(announcement.to.channel_id, []).append(announcement.reply)
    return found


def test_a_signature_made_in_an_actors_channel_is_told_to_the_regions_channel_in_one_line() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 10))
    record_all_preconditions(bot, year=2027, region="agder")
    record_all_preconditions(bot, year=2027, region="vestland")
    assert bot.say("signer agder 2027", as_="rita", channel="rff").ok
    told = _announced(bot)
    assert "agder" in told and not {"in", "siva", "nfr", "rff", "vestland", "nasjonal"} & set(told)
    assert all("agder" in channel.lower() for channel in told), list(told)
    (line,) = told["agder"]
    assert line.text.count("\n") == 0 and line.text.startswith(
        "Regionale forskningsfond har signert samarbeidsavtalen 2027"
    ), line.text
    assert "Mangler fortsatt: Agder, Innovasjon Norge, Siva, Norges forskningsråd." in line.text
    # Nynorsk in Vestland's channel; signed in the region's own channel, nobody else is told.
    assert bot.say("signer vestland 2027", as_="ola", channel="in").ok
    (line,) = _announced(bot)["vestland"]
    assert "Innovasjon Norge har signert samarbeidsavtalen 2027" in line.text and "Manglar framleis" in line.text, (
        line.text
    )
    assert bot.say("signer 2027", as_="kari").ok
    assert "agder" not in _announced(bot)


def test_ready_to_sign_carries_only_the_buttons_of_the_parties_each_channel_speaks_for() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 10))
    record_all_preconditions(bot, year=2027)  # the political treatment, last, makes it ready
    told = _announced(bot)
    assert "Klar til signering" in told["in"][0].text
    assert _signing_buttons(told["in"][0].buttons) == ["signer IN agder 2027 versjon 1"]
    assert _signing_buttons(told["siva"][0].buttons) == ["signer SIVA agder 2027 versjon 1"]
    assert len(_signing_buttons(told["C0AGDER"][0].buttons)) == 5  # the region's own channel: every party
    assert "signer agder" not in told["in"][0].text and "signer NFR" not in told["in"][0].text


# -- M2: the last call before a deadline, when nothing is dated; M4: a decision's date is a decision's -----
def test_an_undated_political_treatment_and_autumn_meeting_are_called_last_just_before_the_deadline() -> None:
    bot = make_bot(at=oslo(2026, 11, 2, 8))
    for channel, treatment, autumn, week in (
        ("agder", "Politisk behandling 2027", "Dialogmøte høst 2026", "Denne uken"),
        ("vestland", "Politisk handsaming 2027", "Dialogmøte haust 2026", "Denne veka"),
    ):
        posts = posted(bot, channel, start=date(2026, 11, 2), end=date(2026, 12, 31))
        december = [day for day, text in posts.items() if day.month == 12 and treatment in text]
        assert december == [date(2026, 12, 29)], sorted(posts)
        last = posts[date(2026, 12, 29)]
        assert f"{week} (" in last and "31. desember 2026 (om 2 dag" in last, last
        assert autumn in last, last


def test_a_typed_date_for_the_action_plan_is_its_decision_and_the_agenda_lead_says_why() -> None:
    bot = make_bot(at=oslo(2027, 8, 16, 10))
    assert bot.say("dato handlingsplan 2. desember", as_="kari").ok
    assert bot.say("dato handlingsplan 2. desember", as_="per").ok
    for channel, papers in (
        ("agder", "sakspapirene går ut 11. november"),
        ("vestland", "sakspapira går ut 11. november"),
    ):
        posts = posted(bot, channel, start=date(2027, 8, 16), end=date(2027, 12, 1))
        plan = [text for text in posts.values() if "Handlingsplan 2028" in text]
        assert plan, sorted(posts)
        line = next(line for line in plan[0].splitlines() if "Handlingsplan 2028" in line)
        assert "vedtak 2. desember 2027" in line and papers in line and "møtet" not in line, line


# -- S5: an agreement ready in December is told on the first working day of January ------------------------
def test_an_agreement_ready_in_december_is_told_to_every_party_when_the_window_opens() -> None:
    bot = _ready_in_december()
    for channel, words in (
        ("rff", ("Agder · Signering 2028: klar til signering fra i dag", "Regionale forskningsfond har ikke signert")),
        ("agder", ("Agder · Signering 2028: klar til signering fra i dag", "Agder har ikke signert")),
        ("in", ("Vestland · Signering 2028: klar til signering fra i dag", "Innovasjon Norge har ikke signert")),
        ("vestland", ("Vestland · Signering 2028: klar til signering frå i dag", "Vestland har ikkje signert")),
    ):
        posts = posted(bot, channel, start=date(2027, 12, 9), end=date(2028, 1, 31))
        signing = sorted(day for day, text in posts.items() if "Signering 2028" in text)
        assert signing[0] == date(2028, 1, 3), (channel, signing)  # 1 January is a Saturday this year
        assert all(word in posts[date(2028, 1, 3)] for word in words), posts[date(2028, 1, 3)]
        assert "signer" in posts[date(2028, 1, 3)] and "bekreft" not in posts[date(2028, 1, 3)]


def test_a_signing_still_blocked_when_the_window_opens_is_not_told_ready() -> None:
    bot = make_bot(at=oslo(2027, 12, 9, 10))
    assert bot.say("forutsetning budsjett 2028", as_="kari").ok
    posts = posted(bot, "agder", start=date(2028, 1, 3), end=date(2028, 1, 3))
    assert "klar til signering" not in posts.get(date(2028, 1, 3), "")


# -- S1: a follow-up point's date is reminded in its owner's channel, before and after, once each ---------
def _point_id(text: str) -> str:
    import re

    found = re.search(r"\[([A-Z2-9]{4})\]", text)
    assert found, text
    return found.group(1)


def test_a_follow_up_points_date_is_reminded_in_the_owners_channel_before_and_after_once_each() -> None:
    bot = make_bot(at=oslo(2027, 4, 22, 10))
    reply = bot.say("referat vår Holdt. vedtak: a; b oppfølging: IN sender tall @IN innen 10. mai bekreft", as_="kari")
    assert reply.ok, reply.text
    ident = _point_id(reply.text)
    posts = posted(bot, "in", start=date(2027, 4, 22), end=date(2027, 7, 1))
    days = sorted(day for day, text in posts.items() if f"Oppfølgingspunkt {ident}" in text)
    assert days == [date(2027, 5, 7), date(2027, 5, 11)], days  # 8 May is a Saturday; 10 May the date
    before, after = posts[date(2027, 5, 7)], posts[date(2027, 5, 11)]
    assert "«IN sender tall» (Innovasjon Norge) innen 10. mai 2027 (om 3 dager)" in before, before
    assert f"«ferdig {ident}»" in before and "Regionalt dialogmøte vår 2027 – Agder" in before
    assert "Forsinket (1)" in after and "frist var 10. mai 2027 (1 dag på overtid)" in after, after
    assert after.count(f"[{ident}]") + after.count(f"Oppfølgingspunkt {ident}") == 1, after  # not twice


def test_a_point_closed_before_its_date_is_not_reminded_and_nynorsk_owners_read_nynorsk() -> None:
    bot = make_bot(at=oslo(2027, 4, 22, 10))
    reply = bot.say(
        "referat vår Halde. oppfølging: Sende tal @IN innan 10. mai; Kalle inn partnarskapet @vestland innan 20. mai bekreft",
        as_="per",
    )
    assert reply.ok, reply.text
    first, second = __import__("re").findall(r"\[([A-Z2-9]{4})\]", reply.text)[:2]
    assert bot.say(f"ferdig {first}", as_="ola").ok
    assert not any(first in text for text in posted(bot, "in", start=date(2027, 4, 22), end=date(2027, 6, 1)).values())
    posts = posted(bot, "vestland", start=date(2027, 4, 22), end=date(2027, 6, 1))
    days = sorted(day for day, text in posts.items() if f"Oppfølgingspunkt {second}" in text)
    assert days == [date(2027, 5, 18), date(2027, 5, 21)], days
    assert "innan 20. mai 2027 (om 2 dagar)" in posts[date(2027, 5, 18)], posts[date(2027, 5, 18)]
    assert (
        "fristen var 20. mai 2027" in posts[date(2027, 5, 21)] or "frist var 20. mai 2027" in posts[date(2027, 5, 21)]
    )
