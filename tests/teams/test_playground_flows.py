"""Everyday flows in Microsoft 365 Agents Playground (the local Teams-like client, driven with Playwright;
see tests/teams/test_playground.py for what it needs): Agder's coordinator in a channel bound to Agder and
in her personal chat with the bot, on the day agreement 2027 is ready to sign. Each card is kept as a
screenshot under the test's tmp dir (`SAMHANDLING_PLAYGROUND_SHOTS` keeps them elsewhere, to look at).

What the cards say is asserted as the client renders it, so a cut text, an <angle-bracket> placeholder
the client swallowed or a broken Norwegian letter shows as a missing text."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any

from adapters.compose import make_core
from bot.clock import OSLO, FixedClock
from bot.core import Core
from bot.messages import Request
from bot.model.config import load_config
from storage.memory import MemoryStore
from tests.driver import DEMO_CONFIG, text_command
from tests.teams.test_playground import ADMIN, CHANNEL, _needs_the_playground, _post, _session, _shown

READY_2027 = (
    ("kari", "agder", text_command(year=2027)),
    ("aud", "nasjonal", "forutsetning statsbudsjett"),
    ("kari", "agder", "forutsetning budsjett"),
    *((user, ch, "forutsetning tildelingsbrev") for user, ch in (("ola", "in"), ("siri", "siva"), ("nils", "nfr"))),
    ("rita", "rff", "forutsetning tildelingsbrev"),
    ("aud", "nasjonal", "referat høst 2026 Høstmøtet holdt"),
    ("kari", "agder", "referat høst 2026 Forslag til ny avtale"),
    ("kari", "agder", "referat draft-political Vedtatt i fylkestinget."),
)


def _ready_core(*, steps: tuple[tuple[str, str, str], ...] = READY_2027) -> Core:
    """14 January 2027: agreement 2027 for Agder ready to sign (after `steps`); the playground's channel bound
    to Agder."""
    clock = FixedClock(datetime(2027, 1, 14, 10, tzinfo=OSLO))
    core = make_core(config=load_config(DEMO_CONFIG), store=MemoryStore(), clock=clock)
    for who, channel, text in steps:
        outcome = core.handle(Request(platform="terminal", user_id=who, channel_id=channel, text=text))
        assert outcome.reply.ok, outcome.reply.text
    bound = core.handle(Request(platform="teams", user_id=ADMIN, channel_id=CHANNEL, text="koble region agder"))
    assert bound.reply.ok, bound.reply.text
    return core


TALL = {"width": 1300, "height": 3200}
"""A page tall enough that a long card (AU's `neste`, a `status`) is pictured whole, not cut at the fold."""


class Cards:
    """The bot's cards on the page, found by what they say (a channel lists the newest post first, a chat
    last), and their screenshots, numbered in the order taken."""

    def __init__(self, page: Any, where: Path, *, prefix: str, newest_first: bool) -> None:
        self.page = page
        self.where = Path(os.environ.get("SAMHANDLING_PLAYGROUND_SHOTS") or where)
        self.where.mkdir(parents=True, exist_ok=True)
        self.prefix = prefix
        self.newest_first = newest_first
        self.taken: list[Path] = []

    def saying(self, text: str) -> Any:
        """The newest card that says `text` (a card's shown confirmation is inside it, so it is the card)."""
        found = self.page.locator(".ac-adaptiveCard", has_text=text)
        return found.first if self.newest_first else found.last

    async def shown(self, text: str, *, name: str) -> Any:
        """Wait for the card saying `text`, take its picture, and return it."""
        await _shown(self.page, text)
        card = self.saying(text)
        path = self.where / f"{self.prefix}-{len(self.taken) + 1:02d}-{name}.png"
        await card.screenshot(path=str(path))
        self.taken.append(path)
        return card

    async def click(self, card: Any, label: str) -> None:
        await card.get_by_role("button", name=label, exact=True).click()


async def _type(page: Any, text: str) -> None:
    """A message in the personal chat (no @mention needed there)."""
    await page.get_by_role("textbox").first.click()
    await page.keyboard.type(text)
    await page.keyboard.press("Enter")


def _signers(core: Core) -> set[str]:
    return set(core.state.signatures(region="agder", year=2027))


def test_a_coordinator_works_the_wheel_in_a_channel_in_the_playground(run, tmp_path: Path) -> None:
    _needs_the_playground()
    core = _ready_core()

    async def body() -> list[Path]:
        async with _session(core, tmp_path) as (page, _server):
            cards = Cards(page, tmp_path, prefix="channel", newest_first=True)
            await page.set_viewport_size(TALL)
            # `neste`: what she can do now, with the one button that does it, which asks first.
            await _post(page, "neste")
            neste = await cards.shown("Du kan gjøre nå for Agder fylkeskommune", name="neste")
            await cards.click(neste, "Signer for Agder")
            question = "Signere samarbeidsavtalen 2027 for Agder fylkeskommune, versjon 1"
            await cards.click(await cards.shown(question, name="signer-confirm"), "Bekreft")
            await cards.shown("✓ Signert for Agder fylkeskommune", name="signed")  # the card, updated in place
            # `status`: the whole cycle, her signature in it.
            await _post(page, "status")
            await cards.shown("Status Agder fylkeskommune – syklus 2027", name="status")
            # A date in the past asks first; the button saves it anyway.
            await _post(page, "dato vår 2. januar")
            asked = await cards.shown("lørdag 2. januar 2027 er passert", name="dato-confirm")
            await cards.click(asked, "Lagre likevel")
            await cards.shown("Dato satt: Regionalt dialogmøte vår 2027", name="dato-saved")
            # The minutes form sent empty is refused with what to fill in, and nothing is recorded.
            await _post(page, "referat vår bekreft")
            form = await cards.shown("Referat for Regionalt dialogmøte vår 2027", name="referat-form")
            await cards.click(form, "Lagre")
            await cards.shown("Skjemaet var tomt", name="referat-empty")
            await _shown(page, "Fyll inn minst et sammendrag eller en lenke til referatet.")
            # `hjelp`: the commands as typed here, placeholders in angle brackets kept.
            await _post(page, "hjelp")
            await cards.shown("Samhandlingsbot – kommandoer", name="hjelp")
            await _shown(page, "koble region <navn>")
            return cards.taken

    taken = run(body())
    assert len(taken) == 9
    assert "agder" in _signers(core)
    status = core.handle(Request(platform="terminal", user_id="kari", channel_id="agder", text="status 2027"))
    assert "2. januar 2027" in status.reply.text
    minutes = core.handle(Request(platform="terminal", user_id="kari", channel_id="agder", text="referat vis vår 2027"))
    assert "ikke registrert noe referat" in minutes.reply.text  # the empty form recorded nothing


def test_a_coordinator_signs_and_asks_in_her_personal_chat_in_the_playground(run, tmp_path: Path) -> None:
    _needs_the_playground()
    core = _ready_core()

    async def body() -> list[Path]:
        async with _session(core, tmp_path, channel=False) as (page, _server):
            cards = Cards(page, tmp_path, prefix="personal", newest_first=False)
            await page.set_viewport_size(TALL)
            await cards.shown("Samhandlingsbot er lagt til", name="welcome")
            await _shown(page, "koble region <navn>")  # the placeholder survives the client
            await _type(page, "neste")
            await cards.shown("Du kan gjøre nå for Agder fylkeskommune", name="neste")
            await _type(page, "signer")
            await cards.shown("Kari Nordmann signerte samarbeidsavtalen 2027 for Agder fylkeskommune", name="signer")
            await _type(page, "status")
            await cards.shown("Status Agder fylkeskommune – syklus 2027", name="status")
            await _type(page, "hjelp")
            await cards.shown("Samhandlingsbot – kommandoer", name="hjelp")
            return cards.taken

    taken = run(body())
    assert len(taken) == 5
    assert "agder" in _signers(core)
