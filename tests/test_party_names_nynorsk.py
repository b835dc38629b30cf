"""Fixbf 5: actor names were bokmål in nynorsk prose (one name per party in app.yaml). A party may carry an
optional `name_nn`, checked at start-up like the rest, and every nynorsk text names it so; bokmål keeps `name`.
The items built once per configuration (their titles name the actor) read right in both forms."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.helpers import demo_text, replace_once
from tests.test_config import problems_of

NFR_NN = 'name_nn: "Noregs forskingsråd"'


def test_nynorsk_prose_names_the_party_by_its_nynorsk_name_and_bokmal_by_its_own() -> None:
    bot = make_bot(at=oslo(2027, 1, 11, 10))
    for _round in range(2):  # the second round reads the items the first one built
        nn = bot.say("status", as_="per").text
        assert "Tildelingsbrev motteke – Noregs forskingsråd (avtale 2027)" in nn, nn
        assert "Norges forskningsråd" not in nn and "Regionale forskningsfond" not in nn, nn
        nb = bot.say("status", as_="kari").text
        assert "Tildelingsbrev mottatt – Norges forskningsråd (avtale 2027)" in nb, nb
        assert "Noregs forskingsråd" not in nb, nb
    assert bot.say("hvem nfr", as_="per").title == "Kven er med for Noregs forskingsråd"
    assert bot.say("hvem Noregs forskingsråd", as_="kari").title == "Hvem er med for Norges forskningsråd"


@pytest.mark.parametrize(("bad", "said"), [('name_nn: ""', "name_nn"), ("name_nn: 7", "name_nn")])
def test_a_bad_nynorsk_name_is_refused_at_start_up_with_its_line(bad: str, said: str) -> None:
    (problem,) = problems_of(replace_once(demo_text(), NFR_NN, bad))
    assert said in problem and "actors[2]" in problem, problem


def test_a_nynorsk_name_of_another_party_clashes() -> None:
    (problem,) = problems_of(replace_once(demo_text(), NFR_NN, 'name_nn: "Siva"'))
    assert "names both" in problem, problem
