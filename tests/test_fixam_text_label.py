"""`neste`'s signing line read «Avtaletekst: Avtaleteksten er ikke registrert ennå» (the word twice): after the
label it is «ikke registrert ennå: …» (nynorsk «ikkje registrert enno: …»), wherever the label meets
versions.NO_TEXT_YET (`neste`, `status`, the status page); a sentence of its own (the refusal to sign, tests/test_agreement.py)
keeps the word."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.helpers import status_page_html

FORMS = [
    ("kari", "agder", "Avtaletekst", "ikke registrert ennå: koordinatoren registrerer den med «avtale <lenke>»."),
    ("per", "vestland", "Avtaletekst", "ikkje registrert enno: koordinatoren registrerer han med «avtale <lenkje>»."),
]


@pytest.mark.parametrize(("person", "region", "label", "words"), FORMS)
def test_the_missing_agreement_text_is_named_once_after_its_label(
    person: str, region: str, label: str, words: str
) -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    for command in ("neste", f"status {region} 2027"):
        reply = bot.say(command, as_=person)
        facts = [fact for section in reply.sections for fact in section.facts if fact.label == label]
        assert facts and all(fact.value == words for fact in facts), (command, facts)
        assert "Avtaletekst: Avtaleteksten" not in reply.text and "Avtaletekst: avtaleteksten" not in reply.text
    html = status_page_html(bot.core, region=region, year=2027)
    assert f"{label}: {words.split(':')[0]}:" in html
    assert "Avtaleteksten er ikke" not in html and "Avtaleteksten er ikkje" not in html
