"""Issue 18 «Surfaces»: the buttons added in walks 8 to 10, clicked in Microsoft 365 Agents Playground (see
tests/teams/test_playground.py for what it needs), each doing what its command typed does: «Erstatt
referatet» opens the minutes' form with `bekreft` and its submit replaces them, the replaced ones read
«tidligere»; a new text's own reply carries the sign buttons; «Fjern datoen» removes a date; «Lagre
likevel» saves a span over a weekend. Screenshots under the test's tmp dir (`SAMHANDLING_PLAYGROUND_SHOTS`
keeps them elsewhere)."""

from __future__ import annotations

from pathlib import Path

from bot.core import Core
from bot.messages import Request
from tests.driver import text_command
from tests.teams.test_playground import _needs_the_playground, _post, _session
from tests.teams.test_playground_flows import READY_2027, TALL, Cards, _ready_core, _signers


def _all_but_the_text() -> Core:
    """14 January 2027: agreement 2027 for Agder lacks only its text; the playground's channel bound to Agder."""
    assert "avtale" in READY_2027[0][2]
    return _ready_core(steps=READY_2027[1:])


def test_the_new_buttons_do_what_their_commands_do_in_the_playground(run, tmp_path: Path) -> None:
    _needs_the_playground()
    core = _all_but_the_text()

    async def body() -> list[Path]:
        async with _session(core, tmp_path) as (page, _server):
            cards = Cards(page, tmp_path, prefix="new", newest_first=True)
            await page.set_viewport_size(TALL)
            # Minutes recorded already: the bare command asks, and the button opens the form that replaces.
            await _post(page, "referat høst 2026")
            asked = await cards.shown("Dette erstatter referatet", name="replace-asked")
            await cards.click(asked, "Erstatt referatet")
            form = await cards.shown("Referat for Administrativt dialogmøte høst 2026", name="replace-form")
            await form.get_by_role("textbox").first.fill("Nytt referat etter rettelse")
            await cards.click(form, "Lagre")
            await cards.shown("erstatter forrige referat", name="replaced")
            await _post(page, "referat vis høst 2026 tidligere")
            await cards.shown("Forslag til ny avtale", name="earlier")
            # The text that makes the agreement ready: its own reply carries the sign buttons, one asks first.
            await _post(page, text_command(year=2027))
            registered = await cards.shown("Avtaletekst versjon 1 registrert", name="text")
            await cards.click(registered, "Signer for Agder")
            question = "Signere samarbeidsavtalen 2027 for Agder fylkeskommune, versjon 1"
            await cards.click(await cards.shown(question, name="sign-confirm"), "Bekreft")
            await cards.shown("Kari Nordmann signerte samarbeidsavtalen 2027", name="signed")  # in place
            # A date removed with its button; a span over a weekend saved anyway with its button.
            await _post(page, "dato vår 2027 22. april kl 10")
            await cards.shown("Dato satt: Regionalt dialogmøte vår 2027", name="date-set")
            await _post(page, "dato vår 2027 avlyst")
            await cards.click(await cards.shown("fjerner den planlagte datoen", name="remove-asked"), "Fjern datoen")
            await cards.shown("Dato fjernet: Regionalt dialogmøte vår 2027", name="removed")
            await _post(page, "dato vår 2027 24.-25. april")
            await cards.click(await cards.shown("er en helg (lørdag og søndag)", name="span-asked"), "Lagre likevel")
            await cards.shown("Dato satt: Regionalt dialogmøte vår 2027", name="span-saved")
            return cards.taken

    taken = run(body())
    assert len(taken) == 12
    assert "agder" in _signers(core)
    said = core.handle(Request(platform="terminal", user_id="kari", channel_id="agder", text="referat vis høst 2026"))
    assert "Nytt referat etter rettelse" in said.reply.text
    status = core.handle(Request(platform="terminal", user_id="kari", channel_id="agder", text="status 2027"))
    assert "24. april 2027" in status.reply.text
