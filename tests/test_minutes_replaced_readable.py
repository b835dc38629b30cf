"""Replaced minutes stay readable, as the reply promises (walk 10, X10), `logg` pages and takes a year, and
a correction sent from the form is offered the form with `bekreft` (X9); in both written forms."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded, assert_refused, make_config

# (region, coordinator, the earlier-minutes word, the meeting word, what the reply calls the history)
FORMS = [
    ("agder", "kari", "tidligere", "høst", "Erstattet"),
    ("vestland", "per", "tidlegare", "haust", "Erstatta"),
]


def _autumn_held(bot: BotDriver, *, meeting: str, region: str, coordinator: str) -> None:
    bot.say("dato høstmøte 28. oktober bekreft", as_="aud", channel="nasjonal")
    assert_recorded(bot, "referat høstmøte holdt 28. oktober", as_="aud", channel="nasjonal")
    assert bot.say(f"dato {meeting} 18. november kl 9", as_=coordinator, channel=region).ok
    first = (
        f"referat {meeting} Enighet om ny avtale. vedtak: Dekker 40 prosent av utlysningen; IN leder klyngeprogrammet"
    )
    assert_recorded(bot, first, as_=coordinator, channel=region)


@pytest.mark.parametrize(("region", "coordinator", "earlier", "meeting", "replaced_word"), FORMS)
def test_replaced_minutes_are_read_whole_and_logg_names_the_command(
    region: str, coordinator: str, earlier: str, meeting: str, replaced_word: str
) -> None:
    bot = make_bot(at=oslo(2027, 11, 18, 16), config=make_config(regions=("agder", "vestland")))
    _autumn_held(bot, meeting=meeting, region=region, coordinator=coordinator)
    bot.set_time(2027, 11, 20, 10)
    again = f"referat {meeting} Enighet om ny avtale. vedtak: Dekker 20 prosent av utlysningen"
    asked = assert_refused(bot, again, as_=coordinator, channel=region)
    command = f"referat vis {meeting} {region} 2027 {earlier}"
    assert f"«{command}»" in asked.text and "«logg»" in asked.text
    replaced = assert_recorded(
        bot, again + " " + ("bekreft" if region == "agder" else "stadfest"), as_=coordinator, channel=region
    )
    assert f"«{command}»" in replaced.text
    # Anyone reads the replaced minutes whole: the decisions the new text changed are there.
    shown = bot.say(command, as_="ola", channel=region)
    assert shown.ok and "40 prosent" in shown.text and "klyngeprogrammet" in shown.text
    assert replaced_word in shown.text and "20 prosent" not in shown.text
    assert "20 prosent" in bot.say(f"referat vis {meeting} {region} 2027", as_="ola", channel=region).text
    # `logg` names the command on the entry that replaced them.
    assert f"«{command}»" in bot.say("logg", as_=coordinator, channel=region).text


def test_minutes_never_replaced_say_so() -> None:
    bot = make_bot(at=oslo(2027, 11, 18, 16))
    _autumn_held(bot, meeting="høst", region="agder", coordinator="kari")
    reply = bot.say("referat vis høst tidligere", as_="kari", channel="agder")
    assert reply.ok and "ikke fått referatet erstattet" in reply.text


def test_logg_pages_and_takes_a_year() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    bot.say("forutsetning statsbudsjett", as_="aud")
    bot.set_time(2026, 11, 23, 10)
    for month in range(1, 13):
        bot.say("koble region agder", as_="admin", channel=f"kanal-{month}")
    first = bot.say("logg", as_="aud")
    assert "De siste 10 av 13 endringer" in first.text and "«logg side 2»" in first.text
    second = bot.say("logg side 2", as_="aud")
    assert second.ok and "Endringer 11–13 av 13" in second.text
    assert "kanal-1 " in second.text + " " and "kanal-12" not in second.text
    assert "Statsbudsjettet" in second.text  # the oldest change, paged to
    assert "bare 2 sider" in bot.say("logg side 5", as_="aud").text
    year = bot.say("logg 2027", as_="aud")  # the cycle 2027: the state budget, not the bindings
    assert year.ok and "Statsbudsjettet" in year.text and "kanal-" not in year.text
    assert "Ingen endringer" in bot.say("logg 2030", as_="aud").text


def test_hjelp_logg_says_page_and_year_in_both_forms() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9), config=make_config(regions=("agder", "vestland")))
    assert "side 2" in bot.say("hjelp logg", as_="kari", channel="agder").text
    assert "tidlegare" in bot.say("hjelp logg", as_="per", channel="vestland").text


@pytest.mark.parametrize(
    ("region", "coordinator", "meeting", "confirm"),
    [("agder", "kari", "høst", "bekreft"), ("vestland", "per", "haust", "stadfest")],
)
def test_a_correction_from_the_form_is_offered_the_form_with_bekreft(
    region: str, coordinator: str, meeting: str, confirm: str
) -> None:
    bot = make_bot(at=oslo(2027, 11, 18, 16), config=make_config(regions=("agder", "vestland")))
    _autumn_held(bot, meeting=meeting, region=region, coordinator=coordinator)
    submit = f"referat regional-autumn {region} 2027"
    asked = assert_refused(bot, submit, as_=coordinator, channel=region, fields={"sammendrag": "Rettet sammendrag"})
    assert asked.buttons and asked.buttons[0].command == f"{submit} {confirm}"
    assert f"«{submit} {confirm}»" in asked.text and f"med «{confirm}» til slutt" not in asked.text
    # The button opens the form whose submit carries the confirmation, and that submit replaces the minutes.
    form = bot.say(asked.buttons[0].command, as_=coordinator, channel=region)
    assert form.form is not None and form.form.submit_command.endswith(" bekreft")
    done = assert_recorded(
        bot, form.form.submit_command, as_=coordinator, channel=region, fields={"sammendrag": "Rettet sammendrag"}
    )
    assert "Rettet sammendrag" in bot.say(f"referat vis {meeting} {region} 2027", as_=coordinator, channel=region).text
    assert done.ok
    # A bare «referat høst» is asked the same way (it would open the form).
    asked = assert_refused(bot, f"referat {meeting}", as_=coordinator, channel=region)
    assert asked.buttons and asked.buttons[0].command == f"{submit} {confirm}"
