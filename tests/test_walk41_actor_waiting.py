"""An actor's `neste` on what the agreements wait for (walk 41): the state budget's group read «fra Stortinget
(registreres av AU) (15 regioner)», two brackets in a row; and the nynorsk reply pointed to «oversikt» beside
«Skriv «oversyn»»: a command word shown is the one the reader's written form uses."""

from __future__ import annotations

import re

from tests.driver import make_bot, oslo


def _waiting(text: str) -> str:
    return text.split("venter på:" if "venter på:" in text else "ventar på:", 1)[1].split("\n", 1)[0]


def test_the_state_budget_group_has_one_bracket() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 10, 0))
    text = bot.say("neste", as_="ola", channel="in").text
    assert "Statsbudsjett fra Stortinget (15 regioner; registreres av AU)" in text, text
    assert "(registreres av AU) (" not in text, text
    assert bot.say("målform nn", as_="ola").ok
    nynorsk = bot.say("neste", as_="ola", channel="in").text
    assert "Statsbudsjett frå Stortinget (15 regionar; vert registrert av AU)" in nynorsk, nynorsk


def test_nynorsk_points_to_the_nynorsk_command_word() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 10, 0))
    assert bot.say("målform nn", as_="ola").ok
    nynorsk = bot.say("neste", as_="ola", channel="in").text
    assert "«oversikt»" not in nynorsk and "«oversyn»" in nynorsk, nynorsk
    assert nynorsk.count("«oversyn»") == 1, nynorsk  # said once, in the last line, not also after the groups


def test_the_count_is_the_regions_grouped() -> None:
    """Every agreement counted stands in a group: the largest group names as many regions as the count."""
    bot = make_bot(at=oslo(2027, 1, 5, 10, 0))
    text = bot.say("neste", as_="siri").text
    count = int(re.search(r"(\d+) avtaler venter på", text).group(1))
    grouped = max(int(n) for n in re.findall(r"\((\d+) regioner", _waiting(text)))
    assert grouped == count, text
