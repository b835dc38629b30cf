"""A party's full name and its aliases in both written forms are read as the party (walk 10, X4): after @ in
minutes' follow-up points («@Innovasjon Norge», «@Forskingsrådet») and as a command's words («oppdrag regionale
forskingsfond ingen»); app.yaml keeps the aliases as data, and check-config refuses a name that names two parties."""

from __future__ import annotations

import pytest

from bot.model.config import ConfigError, parse_config
from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded, demo_text, make_config, replace_once

OWNERS = [
    ("@Innovasjon Norge", "Innovasjon Norge"),
    ("@Forskingsrådet", "Norges forskningsråd"),
    ("@Forskningsrådet", "Norges forskningsråd"),
    ("@regionale forskingsfond", "Regionale forskningsfond"),
    ("@Regionale forskningsfond", "Regionale forskningsfond"),
    ("@Siva", "Siva"),
]
NYNORSK = {"Norges forskningsråd": "Noregs forskingsråd", "Regionale forskningsfond": "Regionale forskingsfond"}


@pytest.mark.parametrize(("region", "coordinator"), [("agder", "kari"), ("vestland", "per")])
@pytest.mark.parametrize(("typed", "name"), OWNERS)
def test_a_partys_full_name_after_at_owns_the_point(region: str, coordinator: str, typed: str, name: str) -> None:
    bot = make_bot(at=oslo(2027, 4, 23, 10), config=make_config(regions=("agder", "vestland")))
    bot.say("dato vårmøte 20. mars bekreft", as_="aud", channel="nasjonal")
    assert_recorded(bot, "referat vårmøte holdt 20. mars", as_="aud", channel="nasjonal")
    meeting = "vår"
    text = f"referat {meeting} Dialogmøtet ble holdt 22. april. Oppfølging: rapport {typed} innen 1.10.27"
    reply = assert_recorded(bot, text, as_=coordinator, channel=region)
    name = NYNORSK.get(name, name) if region == "vestland" else name  # Vestland reads nynorsk names (fixbf 5)
    assert f"rapport ({name}, " in reply.text  # the whole name is the owner, none of it left in the words


@pytest.mark.parametrize(("region", "coordinator"), [("agder", "kari"), ("vestland", "per")])
def test_a_command_reads_the_nynorsk_name(region: str, coordinator: str) -> None:
    bot = make_bot(at=oslo(2028, 1, 5, 10), config=make_config(regions=("agder", "vestland")))
    reply = assert_recorded(bot, "oppdrag regionale forskingsfond ingen", as_=coordinator, channel=region)
    assert ("Regionale forskingsfond" if region == "vestland" else "Regionale forskningsfond") in reply.text


def test_a_name_that_names_two_parties_is_refused_by_check_config() -> None:
    text = replace_once(demo_text(), 'aliases: ["Siva SF"]', 'aliases: ["Siva SF", "Innovasjon Norge"]')
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    (problem,) = caught.value.problems
    assert "parties.actors[1].aliases" in problem and "'Innovasjon Norge' names both 'IN' and 'SIVA'" in problem
