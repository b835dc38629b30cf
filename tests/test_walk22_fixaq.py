"""Walk 22's findings (issue 18), driven as people meet them, in both written forms."""

from __future__ import annotations

from datetime import date

import pytest

from tests.driver import make_bot, oslo, signing_open
from tests.helpers import make_config, status_page_html
from tests.test_followups_closable import _ids, _minutes
from tests.test_model_timing import posted
from tests.test_walk5_fixc import run_passes, told
from tests.test_walk9_fixp import _waits_on_nfr_at_the_deadline, all_but_nfr


def test_help_for_a_two_word_command_is_headed_by_both_words() -> None:
    """`hjelp ikke aktuelt` was headed «Hjelp: ikke»: the heading names the command as it is typed."""
    bot = make_bot(at=oslo(2027, 2, 2, 9))
    bokmal = bot.say("hjelp ikke aktuelt", as_="kari", channel="agder")
    assert bokmal.ok and "Hjelp: ikke aktuelt" in bokmal.text, bokmal.text
    nynorsk = bot.say("hjelp ikkje aktuelt", as_="per", channel="vestland")
    assert nynorsk.ok and "Hjelp: ikkje aktuelt" in nynorsk.text, nynorsk.text
    assert "Hjelp: bli med" in bot.say("hjelp bli med", as_="kari", channel="agder").text


@pytest.mark.parametrize(
    ("form", "heading"),
    [
        ("nb", "Ukeoversikt: endret siden forrige ukeoversikt (1. februar 2027)"),
        ("nn", "Vekeoversyn: endra sidan førre vekeoversyn (1. februar 2027)"),
    ],
)
def test_the_first_weekly_overview_after_a_quiet_spell_counts_from_the_last_one_posted(form: str, heading: str) -> None:
    """Weeks with nothing new and nothing due post no overview; the next one says it counts from the last
    posted (1 February), and shows what is open now, NFR's letter having come in meanwhile."""
    bot, first = _waits_on_nfr_at_the_deadline()
    assert "Signering venter på andre (1)" in first
    assert bot.say(f"målform kanal {form}", as_="admin", channel="nasjonal").ok
    posts = run_passes(bot, start=date(2027, 2, 2), end=date(2027, 3, 9))
    assert not any(
        "oversyn" in text.lower() or "oversikt" in text.lower() for (_d, ch), text in posts.items() if ch == "nasjonal"
    )
    assert bot.say("forutsetning tildelingsbrev 2027", as_="nils").ok
    text = run_passes(bot, start=date(2027, 3, 10), end=date(2027, 3, 15))[(date(2027, 3, 15), "nasjonal")]
    assert heading in text, text
    assert "Signering venter på andre" not in text and "Signering ventar på andre" not in text, text


@pytest.mark.parametrize(
    ("region", "person", "autumn", "heading", "week"),
    [
        ("agder", "kari", "høst", "Venter på referat (1)", "Denne uken"),
        ("vestland", "per", "haust", "Ventar på referat (1)", "Denne veka"),
    ],
)
def test_a_meeting_held_last_week_is_awaiting_minutes_not_this_week(
    region: str, person: str, autumn: str, heading: str, week: str
) -> None:
    """Walk 22, N3: the Monday after a two-day meeting its «skriver referat» line was headed «Denne uken»."""
    bot = make_bot(at=oslo(2026, 9, 1, 10), config=make_config(regions=("agder", "vestland")))
    dated = bot.say(f"dato {autumn} 2026 19.-20. november kl 10 bekreft", as_=person, channel=region)
    assert dated.ok, dated.text
    posts = posted(bot, region, start=date(2026, 11, 21), end=date(2026, 11, 24))
    monday = posts[date(2026, 11, 23)]
    assert heading in monday and "19.–20. november 2026" in monday, monday
    assert f"{week} (" not in monday, monday


@pytest.mark.parametrize(
    ("person", "channel", "words"),
    [
        ("kari", "agder", ("Avtalen 2028 for Agder fylkeskommune kan ikke signeres ennå", "åpner 1. januar 2028")),
        (
            "per",
            "vestland",
            ("Avtalen 2028 for Vestland fylkeskommune kan ikkje signerast enno", "opnar 1. januar 2028"),
        ),
    ],
)
def test_bare_signer_between_windows_means_the_next_agreement(
    person: str, channel: str, words: tuple[str, ...]
) -> None:
    """Walk 22, N6: on 30 December, 2027 signed by all, bare `signer` answered «jeg vet ikke hvilket år du
    mener»; only 2028 can be meant, so it answers for 2028 and says when its window opens."""
    bot = signing_open(region=channel, year=2027)
    signers = {"agder": ("kari", "ola", "siri", "nils", "rita"), "vestland": ("per", "ola", "siri", "nils", "rita")}
    for who in signers[channel]:
        party = "" if who == person else {"ola": "IN", "siri": "SIVA", "nils": "NFR", "rita": "RFF"}[who] + " "
        assert bot.say(f"signer {party}{channel} 2027 bekreft", as_=who).ok, bot.last.reply.text
    bot.set_time(2027, 12, 30, 10)
    before = bot.snapshot()
    for typed in ("signer", f"signer {channel}"):
        reply = bot.say(typed, as_=person, channel=channel)
        assert not reply.ok and all(word in reply.text for word in words), reply.text
        assert "hvilket år" not in reply.text and "kva år" not in reply.text, reply.text
    assert bot.snapshot() == before


@pytest.mark.parametrize(
    ("person", "channel", "words"),
    [
        ("kari", "agder", ("Dato satt", "Merk: Nasjonalt temamøte vår (vårmøtet) 2027 skal komme før", "bekreftelse")),
        ("per", "vestland", ("Dato sett", "Merk: Nasjonalt temamøte vår (vårmøtet) 2027 skal kome før", "stadfesting")),
    ],
)
def test_a_spring_meeting_dated_after_the_undated_national_one_could_come_says_its_minutes_wait(
    person: str, channel: str, words: tuple[str, ...]
) -> None:
    """Walk 22, N2: on 24 March, the national spring meeting undated and due 31 March, `dato vår 30. mars` was
    saved without a word, and its minutes were refused for the order later; the date says so at once."""
    bot = make_bot(at=oslo(2027, 3, 24, 10))
    for typed in ("dato vår 24. mars kl 14", "dato vår 30. mars"):
        said = bot.say(typed, as_=person, channel=channel)
        assert said.ok and all(word in said.text for word in words), said.text
    assert "Dato satt" in bot.say("dato vårmøte 24. mars kl 13", as_="aud").text
    again = bot.say("dato vår 30. mars kl 10", as_=person, channel=channel)
    assert again.ok and "Merk:" not in again.text, again.text


@pytest.mark.parametrize(
    ("person", "channel", "autumn", "words"),
    [
        ("kari", "agder", "høst", ("holdt 18. november 2027", "dagen referatet nevner er registrert, ikke i dag")),
        ("per", "vestland", "haust", ("halde 18. november 2027", "dagen referatet nemner er registrert, ikkje i dag")),
    ],
)
def test_minutes_naming_the_day_inside_the_window_record_that_day(
    person: str, channel: str, autumn: str, words: tuple[str, ...]
) -> None:
    """Walk 22, N7: minutes typed the day after, naming the day, recorded today inside the window and the
    named day after it; one rule: the day the text names (before today) is taken when no day was set."""
    bot = make_bot(at=oslo(2027, 11, 19, 15))
    reply = bot.say(f"referat {autumn} 2027 Godt møte 18. november bekreft", as_=person, channel=channel)
    assert reply.ok and all(word in reply.text for word in words), reply.text
    assert "i dag er registrert" not in reply.text, reply.text


@pytest.mark.parametrize(
    ("region", "words"),
    [
        ("agder", ("På hjulet, kalenderåret 2027:", "I syklus 2027, som tabellene teller: ")),
        ("vestland", ("På hjulet, kalenderåret 2027:", "I syklus 2027, som tabellane tel: ")),
    ],
)
def test_the_pages_wheel_says_what_it_counts_and_the_cycles_count_as_the_table(
    region: str, words: tuple[str, ...]
) -> None:
    """Walk 22, N4 (walk 19 F5): «ferdig: 1» on the wheel under a table of 8 ✓; the wheel's text counts both,
    the calendar year's arcs and the cycle's items as the table does, each named."""
    bot = signing_open(region=region, year=2027)
    page = status_page_html(bot.core, region=region, year=2027)
    assert all(word in page for word in words), page
    desc = page.split('<desc id="wheel-desc">', 1)[1].split("</desc>", 1)[0]
    year_part, cycle_part = desc.split("syklus 2027", 1)

    def done(part: str) -> int:
        return int(part.split("ferdig: ", 1)[1].split(".", 1)[0].split(";", 1)[0])

    assert done(cycle_part) == 7 and done(year_part) == 1, desc  # the cycle's preconditions, as the table's ✓


@pytest.mark.parametrize(
    ("coordinator", "region", "meeting"), [("kari", "agder", "høst"), ("per", "vestland", "haust")]
)
def test_bare_ferdig_with_one_open_point_offers_its_button(coordinator: str, region: str, meeting: str) -> None:
    """Walk 22, N5: bare `ferdig` with exactly one open point listed it without the button `neste` offers."""
    bot = _minutes(coordinator=coordinator, region=region, meeting=meeting, points="Tall @SIVA")
    point = _ids(bot, region)["SIVA"]
    asked = bot.say("ferdig", as_="siri", channel="siva")
    assert point in asked.text and [b.command for b in asked.buttons] == [f"ferdig {point}"], asked
    assert bot.say(asked.buttons[0].command, as_="siri", channel="siva").ok
    two = _minutes(coordinator=coordinator, region=region, meeting=meeting, points="Tall @SIVA; Notat @SIVA")
    assert not [b for b in two.say("ferdig", as_="siri", channel="siva").buttons if b.command.startswith("ferdig")]


@pytest.mark.parametrize(("region", "ready"), [("agder", "Klar til signering"), ("vestland", "Klar til signering")])
def test_the_ready_to_sign_notice_says_until_when(region: str, ready: str) -> None:
    """Walk 22, N5: «Klar til signering: samarbeidsavtalen 2027 for Agder …» did not say the deadline."""
    bot = all_but_nfr(region=region)
    bot.set_time(2027, 1, 20, 12)
    assert bot.say("forutsetning tildelingsbrev 2027", as_="nils").ok
    for channel in (region, "in"):
        text = told(bot)[channel]
        assert text.startswith(ready) and "Frist: 31. januar 2027." in text, (channel, text)


def test_au_status_with_a_misspelt_region_in_the_national_channel_is_asked_mente_du() -> None:
    """Walk 22, N5: AU's `status agdr` in `nasjonal` got «Skriv for eksempel «oversikt 2027»», Per's
    `status vestlnd` «Meinte du «Vestland»?»."""
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    asked = bot.say("status agdr", as_="aud", channel="nasjonal")
    assert "Mente du «Agder»?" in asked.text, asked.text
    assert bot.say("målform kanal nn", as_="admin", channel="nasjonal").ok
    assert "Meinte du «Vestland»?" in bot.say("status vestlnd", as_="aud", channel="nasjonal").text
    assert "Oversyn – syklus 2027" in bot.say("status", as_="aud", channel="nasjonal").text


@pytest.mark.parametrize(
    ("person", "channel", "treatment", "words"),
    [
        ("kari", "agder", "politisk", ("Allerede registrert", "Klokkeslettet er beholdt")),
        ("per", "vestland", "politisk", ("Allereie registrert", "Klokkeslettet frå den planlagde datoen står ved lag")),
    ],
)
def test_the_stored_date_typed_again_without_its_time_is_not_asked_about(
    person: str, channel: str, treatment: str, words: tuple[str, ...]
) -> None:
    """Walk 22, N5: `dato politisk 10.12` equal to the stored date first asked «Bekreft datoen … kanskje før
    …», then with «bekreft» said «Allerede registrert»: nothing changes, so nothing is asked."""
    bot = make_bot(at=oslo(2026, 11, 2, 10))
    assert bot.say(f"dato {treatment} 10. desember kl 10.00 bekreft", as_=person, channel=channel).ok
    before = bot.snapshot()
    again = bot.say(f"dato {treatment} 10.12", as_=person, channel=channel)
    assert all(word in again.text for word in words), again.text
    assert "Bekreft" not in again.text and "Stadfest" not in again.text, again.text
    assert bot.snapshot() == before
