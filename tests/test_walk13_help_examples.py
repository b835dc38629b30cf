"""Walk 13, W2: every example `hjelp <kommando>` shows, typed back exactly as read there (bokmål and
nynorsk), by each role that may run it, on ordinary days across the year, does what its help says: it never
fails inside, is never an unknown command, a date confirmed past a holiday says so, and an undated `dato`
never offers to move a meeting already held."""

from __future__ import annotations

import re

import pytest

from handlers import COMMANDS
from tests.driver import make_bot, oslo
from tests.walk13_steps import regional_autumn_held

ROLES = ("kari", "per", "ola", "aud", "admin")
DAYS = [(2027, 2, 2), (2027, 6, 15), (2027, 10, 5), (2028, 1, 12)]
EXAMPLE_RE = re.compile(r"(?:Eksempel|Døme): «([^»]+)»")


@pytest.mark.parametrize("day", DAYS)
def test_every_help_example_typed_back_does_what_it_says(day: tuple[int, int, int]) -> None:
    bot = make_bot(at=oslo(*day, 9))
    for as_ in ROLES:
        for command in COMMANDS:
            shown = bot.say(f"hjelp {command.name}", as_=as_)
            assert shown.ok, shown.text
            for example in EXAMPLE_RE.findall(shown.text):
                reply = bot.say(example, as_=as_)
                text = reply.text
                assert "gikk galt" not in text, (as_, example, text)
                assert "kjenner ikke" not in text and "kjenner eg ikkje" not in text, (as_, example, text)
                if reply.ok and example.startswith("dato") and "påskedag" in example:
                    assert "helligdag" in text or "heilagdag" in text, (as_, example, text)  # named
                offered = " ".join(button.command for button in reply.buttons)
                assert "flytte dagen det ble holdt" not in text or re.search(r"\b20\d\d\b", example), text
                assert not offered or "gikk galt" not in offered


FORMS = [
    ("kari", "agder", "høst", "vår", "bekreft", "Bekreftet:", "andre påskedag (helligdag)"),
    ("per", "vestland", "haust", "vår", "stadfest", "Stadfesta:", "andre påskedag (heilagdag)"),
]


@pytest.mark.parametrize(("as_", "channel", "autumn", "spring", "confirm", "named", "holiday"), FORMS)
@pytest.mark.parametrize("typed", ["uke 45", "torsdag uke 45", "9. november", "fredag om to uker kl 13"])
def test_an_undated_dato_never_moves_last_autumns_held_meeting(
    as_: str, channel: str, autumn: str, spring: str, confirm: str, named: str, holiday: str, typed: str
) -> None:
    bot = regional_autumn_held(as_=as_, word=autumn, minutes="Godt møte oppfølging: Sende utkast @IN")
    bot.set_time(2028, 2, 2, 9, 0)
    before = bot.snapshot()
    reply = bot.say(f"dato {autumn} {typed}", as_=as_, channel=channel)
    assert bot.snapshot() == before, reply.text  # asked: the national autumn meeting of 2028 has no date
    commands = [button.command for button in reply.buttons]
    assert commands and all(f"{channel} 2028 2028-" in command for command in commands), (reply.text, commands)
    assert "2027" not in reply.text, reply.text
    moved = bot.say(f"dato {autumn} 2027 24. november {confirm}", as_=as_, channel=channel)
    assert moved.ok and "24. november 2027" in moved.text, moved.text  # with its year typed, the held day moves


@pytest.mark.parametrize(("as_", "channel", "autumn", "spring", "confirm", "named", "holiday"), FORMS)
def test_a_date_confirmed_past_a_holiday_names_it(
    as_: str, channel: str, autumn: str, spring: str, confirm: str, named: str, holiday: str
) -> None:
    bot = make_bot(at=oslo(2028, 2, 2, 9))
    reply = bot.say(f"dato {spring} 2. påskedag {confirm}", as_=as_, channel=channel)
    assert reply.ok and f"{named} 17. april 2028 er {holiday}." in reply.text, reply.text
    plain = bot.say(f"dato {spring} 19. april {confirm}", as_=as_, channel=channel)
    assert plain.ok and named not in plain.text, plain.text  # an ordinary day: nothing to name


@pytest.mark.parametrize(("as_", "channel", "autumn", "spring", "confirm", "named", "holiday"), FORMS)
def test_hjelp_ferdig_shows_the_askers_own_open_point(
    as_: str, channel: str, autumn: str, spring: str, confirm: str, named: str, holiday: str
) -> None:
    bot = regional_autumn_held(as_=as_, word=autumn, minutes="Godt møte oppfølging: Sende utkast @IN")
    placeholder = bot.say("hjelp ferdig", as_="siri")
    assert "«ferdig <id>»" in placeholder.text  # none they may close: typed back, it says where the ids are
    assert "status" in bot.say("ferdig <id>", as_="siri").text
    # The coordinator keeps the meeting and may close its points: their example names one (walk 14a F6).
    kept = bot.say("hjelp ferdig", as_=as_, channel=channel)
    assert EXAMPLE_RE.findall(kept.text) != ["ferdig <id>"], kept.text
    shown = bot.say("hjelp ferdig", as_="ola")
    (example,) = (line for line in EXAMPLE_RE.findall(shown.text))
    assert example != "ferdig <id>", shown.text
    closed = bot.say(example, as_="ola")
    assert closed.ok and "Sende utkast" in closed.text, closed.text
