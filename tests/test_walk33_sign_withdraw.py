"""Walk 33 F7: a party that signed by mistake cannot withdraw its signature: the model has none (a signature
binds the text's version and stays in the history). «signer … trekk» / «angre» is refused plainly with what
to do instead: the region's coordinators register the text anew (`avtale … <lenke>`), and every party signs
the new version. Nothing changes. Both written forms (Vestland's channel reads nynorsk)."""

from __future__ import annotations

import pytest

from tests.driver import register_text, signing_open
from tests.helpers import assert_recorded, assert_refused

SAID = {
    "nb": ("En signatur kan ikke trekkes tilbake", "koordinatorene for {party}", "Ingenting er endret."),
    "nn": ("Ein signatur kan ikkje trekkjast tilbake", "koordinatorane for {party}", "Ingenting er endra."),
}
PARTY = {"agder": "Agder fylkeskommune", "vestland": "Vestland fylkeskommune"}


@pytest.mark.parametrize(("lang", "region", "typed"), [("nb", "agder", "trekk"), ("nn", "vestland", "angre")])
def test_a_signature_given_by_mistake_is_refused_with_what_to_do(lang: str, region: str, typed: str) -> None:
    bot = signing_open(region=region)
    assert_recorded(bot, f"signer NFR {region} 2027", as_="nils", channel="nfr")
    before = bot.snapshot()
    first, whom, nothing = SAID[lang]
    reply = assert_refused(
        bot,
        f"signer {region} {typed}",
        as_="nils",
        channel=region,
        contains=(first, whom.format(party=PARTY[region]), f"«avtale {region} 2027 <lenke>»", nothing),
    )
    assert "forstod" not in reply.text, reply.text
    assert bot.snapshot() == before
    # What the refusal says works: a new version, and NFR is asked to sign it anew.
    replaced = register_text(bot, year=2027, region=region, version=2)
    assert AGAIN[lang] in replaced.text and f"signer NFR {region} 2027 versjon 2" in replaced.text, replaced.text


AGAIN = {"nb": "må signere på nytt: Norges forskningsråd", "nn": "må signere på nytt: Noregs forskingsråd"}
