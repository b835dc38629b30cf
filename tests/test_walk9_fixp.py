"""Walk 9 findings fixed on branch fixp: an agreement made signable after its deadline is told as one in
January and never «Sendt for sent» (W8), AU's surfaces agree on who is behind on signing (W10), and AU's
weekly overview is what README says (W4). Reminder passes run between commands, as in production."""

from __future__ import annotations

from datetime import date

import pytest

from tests.driver import COORDINATOR, BotDriver, make_bot, oslo, register_text
from tests.helpers import make_config
from tests.test_walk5_fixc import run_passes, told

LATE_NOTE = {"agder": "Fristen var 31. januar 2027, så signer så snart dere kan.", "vestland": "så snart de kan."}
READY_REPLY = {"agder": "Nå kan avtalen 2027 signeres i: Agder fylkeskommune.", "vestland": "Vestland fylkeskommune"}


def all_but_nfr(*, region: str) -> BotDriver:
    """`region`'s agreement 2027 waits only on NFR's allocation letter from 21 December 2026."""
    bot = make_bot(at=oslo(2026, 12, 21, 12), config=make_config(regions=("agder", "vestland")))
    coordinator = COORDINATOR[region]
    register_text(bot, year=2027, region=region)
    assert bot.say("forutsetning statsbudsjett 2027", as_="aud").ok
    assert bot.say(f"forutsetning budsjett {region} 2027", as_=coordinator).ok
    for person in ("ola", "siri", "rita"):
        assert bot.say("forutsetning tildelingsbrev 2027", as_=person).ok
    assert bot.say(f"referat politisk {region} 2027 Vedtatt bekreft", as_=coordinator).ok
    return bot


def signing_lines(posts: dict[tuple[date, str], str], channel: str) -> dict[date, str]:
    return {day: text for (day, where), text in sorted(posts.items()) if where == channel and "Signering 2027" in text}


# -- W8: the last precondition after the deadline: told at once, never «Sendt for sent» ----------------------
@pytest.mark.parametrize("region", ["agder", "vestland"])
def test_a_letter_after_the_deadline_makes_the_agreement_signable_and_says_so(region: str) -> None:
    bot = all_but_nfr(region=region)
    before = run_passes(bot, start=date(2027, 1, 4), end=date(2027, 2, 5))
    assert "venter på Tildelingsbrev NFR" in signing_lines(before, "nfr")[date(2027, 2, 1)]
    assert not signing_lines(before, "in"), "IN could not sign: nothing to tell it"
    bot.set_time(2027, 2, 8, 12)
    reply = bot.say("forutsetning tildelingsbrev 2027", as_="nils")
    assert reply.ok and READY_REPLY[region] in reply.text, reply.text
    heard = told(bot)
    assert {"in", "siva", "rff", region} <= set(heard), heard  # NFR's channel has Nils's reply
    assert heard["in"].startswith("Klar til signering") and LATE_NOTE["agder"] in heard["in"], heard["in"]
    assert LATE_NOTE[region] in heard[region], heard[region]  # the region's channel in its own written form
    assert f"«signer IN {region} 2027 versjon 1 bekreft»" in heard["in"]  # late: the button confirms
    after = run_passes(bot, start=date(2027, 2, 8), end=date(2027, 3, 5))
    assert not any("Sendt for sent" in text or "Sendt for seint" in text for text in after.values())
    lines = signing_lines(after, "in")
    # Told by the change on Monday 8 February; the rhythm counts from then: the grid day a fortnight on.
    assert sorted(lines) == [date(2027, 2, 15), date(2027, 3, 1)], sorted(lines)
    assert "fortsatt forsinket" in lines[date(2027, 2, 15)]


def test_the_overdue_rhythm_counts_from_when_the_agreement_became_signable() -> None:
    bot = all_but_nfr(region="agder")
    run_passes(bot, start=date(2027, 1, 4), end=date(2027, 2, 11))
    bot.set_time(2027, 2, 12, 8)  # a Friday, before the pass: three days before the grid's Monday
    assert bot.say("forutsetning tildelingsbrev 2027", as_="nils").ok
    assert told(bot)["in"].startswith("Klar til signering")
    after = run_passes(bot, start=date(2027, 2, 12), end=date(2027, 3, 5))
    for channel in ("agder", "in", "nfr"):
        assert sorted(signing_lines(after, channel)) == [date(2027, 3, 1)], (channel, signing_lines(after, channel))


def test_a_reminder_missed_by_a_pass_that_did_not_run_is_still_called_late() -> None:
    bot = all_but_nfr(region="agder")
    bot.set_time(2027, 1, 20, 12)
    assert bot.say("forutsetning tildelingsbrev 2027", as_="nils").ok  # signable inside the window
    run_passes(bot, start=date(2027, 1, 21), end=date(2027, 1, 29))
    posts = run_passes(bot, start=date(2027, 2, 3), end=date(2027, 2, 3))  # no pass on 1 and 2 February
    assert "Sendt for sent: skulle gått ut 1. februar 2027" in posts[(date(2027, 2, 3), "in")]


# -- W10: AU's `neste`, `oversikt` and weekly overview agree on who is behind on signing ----------------------
def _waits_on_nfr_at_the_deadline() -> tuple[BotDriver, str]:
    """Agder has done its part of the agreement 2027; NFR's letter is missing. Vestland has done nothing.
    The bot at noon on Monday 1 February, and AU's weekly overview of that morning."""
    bot = all_but_nfr(region="agder")
    weekly = run_passes(bot, start=date(2027, 2, 1), end=date(2027, 2, 1))[(date(2027, 2, 1), "nasjonal")]
    bot.set_time(2027, 2, 1, 12)
    return bot, weekly


def test_a_signing_held_up_by_others_only_is_not_the_regions_delay_on_any_of_aus_surfaces() -> None:
    bot, weekly = _waits_on_nfr_at_the_deadline()
    overview = bot.say("oversikt", as_="aud", channel="nasjonal")
    for text in (bot.say("neste", as_="aud", channel="nasjonal").text, overview.text):
        assert "Signering 2027 (1 region)" in text, text  # Vestland only
        assert (
            "Signering venter på andre: Agder (Tildelingsbrev mottatt – Norges forskningsråd (avtale 2027))." in text
        ), text
    agder = next(section for section in overview.sections if section.title == "Agder")
    cell = next(fact.value for fact in agder.facts if fact.label.startswith("Signering"))
    assert cell == "⚠ 0/5 signert, venter på Tildelingsbrev mottatt – Norges forskningsråd (avtale 2027)", cell
    behind, waiting = weekly.split("Signering venter på andre (1)")
    assert "Signering 2027" not in behind.split("Agder:")[1].split("\n")[0], behind  # Agder's row
    assert "Agder: Signering 2027 venter på Tildelingsbrev mottatt – Norges forskningsråd (avtale 2027)" in waiting, (
        waiting
    )
    assert bot.say("målform nn", as_="aud", channel="nasjonal").ok
    nynorsk = bot.say("neste", as_="aud", channel="nasjonal").text
    assert (
        "Signering ventar på andre: Agder (Tildelingsbrev motteke – Noregs forskingsråd (avtale 2027))." in nynorsk
    ), nynorsk


# -- W4: AU's weekly overview; a week with nothing new says so in one line only when something falls due -------
# (issue 18, walk 22: a one-line «ingen endringer» every Monday through the summer still said nothing, so a
# week with nothing new and nothing falling due posts no overview; this test asserted one every Monday.)
def test_aus_weekly_overview_is_brief_when_nothing_is_new_and_absent_when_nothing_falls_due() -> None:
    bot, first = _waits_on_nfr_at_the_deadline()
    assert "Regioner på etterskudd (2)" in first
    posts = run_passes(bot, start=date(2027, 2, 2), end=date(2027, 3, 30))
    for monday in (date(2027, 2, 8), date(2027, 2, 15), date(2027, 2, 22), date(2027, 3, 1), date(2027, 3, 22)):
        assert "ukeoversikt" not in posts.get((monday, "nasjonal"), "").lower(), (monday, posts[(monday, "nasjonal")])
    text = posts[(date(2027, 3, 30), "nasjonal")]  # Easter Monday off; the spring national meeting is due 31 March
    assert text.startswith("Påminnelser og ukeoversikt for AU"), text
    assert "Ukeoversikt: ingen endringer siden forrige ukeoversikt" in text, text
    assert "Fortsatt: Regioner på etterskudd (2), Signering venter på andre (1), Forsinket nasjonalt" in text
    assert "Skriv «oversikt» for hele bildet." in text and "Vestland: Handlingsplan 2027" not in text
    assert "Frist denne uken: Nasjonalt: Nasjonalt temamøte vår (vårmøtet) 2027." in text, text


def test_the_brief_overview_in_nynorsk() -> None:
    bot, _first = _waits_on_nfr_at_the_deadline()
    run_passes(bot, start=date(2027, 2, 2), end=date(2027, 3, 26))
    assert bot.say("målform kanal nn", as_="admin", channel="nasjonal").ok
    nynorsk = run_passes(bot, start=date(2027, 3, 30), end=date(2027, 3, 30))[(date(2027, 3, 30), "nasjonal")]
    assert "Vekeoversyn: ingen endringar sidan førre vekeoversyn" in nynorsk and "for heile biletet" in nynorsk
    assert "Frist denne veka: Nasjonalt:" in nynorsk, nynorsk


def test_the_full_overview_comes_again_when_time_brings_something_new() -> None:
    bot, _first = _waits_on_nfr_at_the_deadline()
    posts = run_passes(bot, start=date(2027, 2, 2), end=date(2027, 4, 6))
    text = posts[(date(2027, 4, 1), "nasjonal")]  # the spring national meeting fell overdue on 1 April
    assert "Vårmøtet (nasjonalt) 2027: frist var 31. mars 2027" in text, text
    text = posts[(date(2027, 4, 5), "nasjonal")]
    assert "ingen endringer" not in text and "Regioner på etterskudd (2)" in text, text
