"""Walk 21 A9: `ferdig` with several ids (space, comma, «og») closes each the person may close and says for
every id what happened; an id it cannot close is named with why. Before, `ferdig A B` closed A and dropped B
without a word, and `ferdig A, B` closed neither."""

from __future__ import annotations

import re

import pytest

from tests.driver import BotDriver
from tests.walk21_steps import agders_autumn_points, point_id


def _points(lang: str) -> tuple[BotDriver, list[str], str]:
    """Agder's autumn meeting gives RFF four points and Siva one; RFF's channel in `lang`."""
    bot, minutes = agders_autumn_points(
        points="A @RFF innen 1. desember; B @RFF innen 2. desember; C @RFF innen 3. desember; "
        "D @RFF innen 4. desember; E @SIVA innen 4. desember",
        minutes_at=(2026, 11, 18, 10),
    )
    ids = [point_id(minutes, text) for text in "ABCDE"]
    if lang == "nn":
        assert bot.say("målform kanal nynorsk", as_="admin", channel="rff").ok
    bot.set_time(2026, 12, 10, 9)
    return bot, ids[:4], ids[4]


def _open_of_rita(bot: BotDriver) -> set[str]:
    reply = bot.say("ferdig", as_="rita", channel="rff")
    return set(re.findall(r"\[([A-Z0-9]{4})\]", reply.text))


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("joined", ["{a} {b}", "{a}, {b}", "{a} og {b}", "{a},{b}"])
def test_ferdig_with_two_ids_closes_both_and_names_each(lang: str, joined: str) -> None:
    bot, (a, b, c, d), _siva = _points(lang)
    reply = bot.say("ferdig " + joined.format(a=a, b=b.lower()), as_="rita", channel="rff", request_id="r1")
    assert reply.ok, reply.text
    assert a in reply.text and b in reply.text, reply.text
    assert ("Lukka av" if lang == "nn" else "Lukket av") in reply.text, reply.text
    assert _open_of_rita(bot) == {c, d}
    status = bot.say("status", as_="kari").text
    assert "✓ A (" in status and "✓ B (" in status, status
    again = bot.say("ferdig " + joined.format(a=a, b=b), as_="rita", channel="rff", request_id="r1")
    assert again.ok  # a retried request records nothing twice
    assert _open_of_rita(bot) == {c, d}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_an_id_that_cannot_be_closed_is_named_with_why_and_the_others_close(lang: str) -> None:
    bot, (a, b, _c, _d), siva = _points(lang)
    reply = bot.say(f"ferdig {a} {siva} XXXX {b} gjort", as_="rita", channel="rff")
    assert reply.ok, reply.text
    lines = reply.text.splitlines()
    mine = [line for line in lines if line.startswith(f"[{a}]") or line.startswith(f"[{b}]")]
    assert len(mine) == 2, reply.text
    (refused,) = [line for line in lines if line.startswith(f"[{siva}]")]
    assert "Siva" in refused, refused  # who may close it instead
    assert ("ikkje lukka" if lang == "nn" else "ikke lukket") in refused, refused
    assert any(line.startswith("[XXXX]") for line in lines), reply.text  # not found, said so
    assert "«gjort»" in reply.text, reply.text  # a word that is no id is said to be unread
    status = bot.say("status", as_="kari").text
    assert "✓ E (" not in status and "✓ A (" in status and "✓ B (" in status, status


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_nothing_closable_among_several_ids_is_refused_and_changes_nothing(lang: str) -> None:
    bot, _ids, siva = _points(lang)
    before = bot.snapshot()
    reply = bot.say(f"ferdig {siva} XXXX", as_="rita", channel="rff")
    assert not reply.ok
    assert siva in reply.text and "XXXX" in reply.text, reply.text
    assert bot.snapshot() == before


def test_a_single_id_reads_as_before() -> None:
    bot, (a, *_rest), _siva = _points("nb")
    reply = bot.say(f"ferdig {a},", as_="rita", channel="rff")
    assert reply.ok and reply.title == "Oppfølgingspunkt ferdig: A", reply.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_other_party_hears_the_points_closed_together_in_one_message(lang: str) -> None:
    bot, (a, b, c, d), _siva = _points(lang)
    assert bot.say(f"ferdig {a} og {b}", as_="rita", channel="rff").ok
    (agder,) = [x for x in bot.last.announcements if x.to.platform == "terminal" and x.to.channel_id == "agder"]
    assert a in agder.reply.text and b in agder.reply.text and "Rita Moe" in agder.reply.text, agder.reply.text
    assert bot.say(f"ferdig {c} {d}", as_="kari").ok  # the meeting's coordinator closes: RFF hears both at once
    (rff,) = [x for x in bot.last.announcements if x.to.platform == "terminal" and x.to.channel_id == "rff"]
    assert c in rff.reply.text and d in rff.reply.text, rff.reply.text
    assert ("Lukka av" if lang == "nn" else "Lukket av") in rff.reply.text, rff.reply.text
