"""Every kind of card the bot sends in Teams, collected by driving the real core (demo app.yaml) through
a coordinator's year: reads, writes, refusals, forms, help for each command, reminders and overdue
reminders, a clicked card refreshed in place, and replies too big for one activity."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from adapters.compose import make_core
from adapters.teams.activities import card_activity, reply_activity
from adapters.teams.app import _done_banner
from adapters.teams.cards import render_card
from adapters.teams.handler import welcome as _welcome
from bot.clock import FixedClock
from bot.core import Core
from bot.messages import Reply, Request
from bot.model.config import load_config
from bot.reminders.digest import build_digests
from storage.memory import MemoryStore
from tests.driver import text_command

APP_YAML = Path(__file__).resolve().parents[2] / "app.yaml"
TEAMS_IDS = {
    "kari": "11111111-0000-0000-0000-000000000001",
    "per": "11111111-0000-0000-0000-000000000002",
    "ola": "11111111-0000-0000-0000-000000000003",
    "siri": "11111111-0000-0000-0000-000000000004",
    "nils": "11111111-0000-0000-0000-000000000005",
    "rita": "11111111-0000-0000-0000-000000000006",
    "aud": "11111111-0000-0000-0000-000000000007",
    "admin": "11111111-0000-0000-0000-000000000009",
}
AGDER = "19:agder@thread.tacv2"
LONG_MINUTES = (
    "Godt møte om havbruk, grønn omstilling og kompetanse i regionen. Partene gikk gjennom "
    "handlingsplanen punkt for punkt, og [Klikk her](https://evil.example/phish) for *alt* materiale. "
    "Referat: https://www.agderfk.no/politikk/samhandling/moter/2026/regionalt-dialogmote-var-referat-endelig-versjon.pdf "
    "Ordet Forskningsrådsfinansieringsordningsgjennomgangen kom opp. "
)


def _core(now: datetime) -> Core:
    return make_core(config=load_config(str(APP_YAML)), store=MemoryStore(), clock=FixedClock(now))


def _say(core: Core, who: str, text: str, *, channel: str = AGDER) -> Reply:
    request = Request(platform="teams", user_id=TEAMS_IDS[who], channel_id=channel, text=text, user_name=who.title())
    return core.handle(request).reply


def _card(reply: Reply, *, origin: str | None = None) -> dict[str, Any]:
    activity = reply_activity(reply, channel="msteams", origin=origin)
    return activity.attachments[0].content


def collect() -> list[tuple[str, dict[str, Any]]]:
    """(name, card) for every distinct card; names say which command and state made it."""
    cards: list[tuple[str, dict[str, Any]]] = []
    seen: set[str] = set()

    def add(name: str, reply: Reply, *, origin: str | None = None, force: bool = False) -> None:
        key = f"{reply.title}|{reply.text[:300]}|{len(reply.sections)}|{len(reply.buttons)}|{reply.ok}"
        if key in seen and not force:
            return
        seen.add(key)
        cards.append((name, _card(reply, origin=origin)))

    core = _core(datetime(2026, 1, 12, 9, 0))
    for who, text in [
        ("admin", "koble region agder"),
        ("kari", "hjelp"),
        ("kari", "neste"),
        ("kari", "status"),
        ("kari", "status agder 2026"),
        ("kari", "oversikt 2026"),
        ("kari", "årshjul 2026"),
        ("kari", "logg"),
        ("kari", "referat vår"),
        ("kari", "dato vår 30. april kl 10"),
        ("kari", "dato vår 31. februar"),
        ("kari", "finnesikke"),
        ("kari", "signer"),
        ("ola", "signer IN agder 2026"),
        ("kari", text_command(year=2026)),
        ("aud", "forutsetning statsbudsjett 2026"),
        ("kari", "forutsetning budsjett agder 2026"),
        ("kari", "referat politisk agder 2026 Vedtatt i fylkestinget"),
        ("ola", "forutsetning tildelingsbrev IN 2026"),
        ("siri", "forutsetning tildelingsbrev SIVA 2026"),
        ("nils", "forutsetning tildelingsbrev NFR 2026"),
        ("rita", "forutsetning tildelingsbrev RFF 2026"),
        ("kari", "status agder 2026"),
        ("kari", "neste"),
        ("ola", "signer IN agder 2026"),
        ("ola", "signer IN agder 2026"),
        ("siri", "signer IN agder 2026"),
        ("kari", "oppdrag IN sendt"),
        ("admin", "person <@29:new> agder koordinator"),
        ("kari", "person"),
    ]:
        add(f"{who}: {text}", _say(core, who, text), origin=text)
    for command in [c.name for c in core.router.commands]:
        add(f"hjelp {command}", _say(core, "kari", f"hjelp {command}"))
    decisions = "\n".join(f"Vedtak nummer {n}: felles søknad om midler til tiltak {n}" for n in range(1, 41))
    minutes = (
        f"referat vår agder 2026 {LONG_MINUTES}\nvedtak: {decisions}\noppfølging: Sende utkast @IN\nKalle inn @agder"
    )
    add("kari: referat with 40 decisions", _say(core, "kari", minutes))
    add("kari: status after long minutes", _say(core, "kari", "status agder 2026"), origin="status agder 2026")
    many = "\n".join(f"Vedtak {n}: felles søknad om midler til tiltak nummer {n} i regionen" for n in range(1, 30))
    december = _core(datetime(2026, 12, 12, 9, 0))
    recorded = 0
    for who, meeting in (
        ("kari", "regional-var"),
        ("kari", "handlingsplan"),
        ("aud", "hostmote"),
        ("kari", "regional-host"),
    ):
        typed = f"referat {meeting} agder 2026 {(LONG_MINUTES * 4)[:1800]}\nvedtak: {many}"[:3990]
        recorded += _say(december, who, typed).ok
    assert recorded >= 2  # the wheel's order rules may refuse one; enough minutes remain to overflow
    big = _say(december, "kari", "status agder 2026")
    add("kari: status with four long minutes (cut to fit)", big, origin="status agder 2026", force=True)
    signed = _say(core, "siri", "signer SIVA agder 2026")
    refreshed = render_card(_say(core, "kari", "status agder 2026"), origin="status agder 2026")
    refreshed["body"][0:0] = _done_banner(signed, now=core.clock.now())
    cards.append(
        ("clicked card refreshed in place", card_activity(refreshed, summary="x", pointer=None).attachments[0].content)
    )
    welcome = _welcome_card()
    cards.append(("welcome", welcome))
    # Reminders, and overdue ones, over a year.
    kinds: set[tuple[int, int, int]] = set()
    year = _core(datetime(2026, 1, 5, 8, 0))
    for day in range(0, 720, 3):
        when = datetime(2026, 1, 5, 8, 0) + timedelta(days=day)
        due = year.planner.due(now=when)
        if not due:
            continue
        for digest in build_digests(config=year.config, state=year.state, today=when.date(), due=due):
            reply = digest.reply
            kind = (len(reply.sections), min(len(reply.buttons), 3), len(reply.mentions))
            if kind not in kinds and len(kinds) < 12:
                kinds.add(kind)
                add(f"reminders {when:%Y-%m-%d} {digest.to.channel_id}", reply)
    for when in (datetime(2026, 2, 9, 8, 0), datetime(2026, 4, 6, 8, 0), datetime(2026, 11, 2, 8, 0)):
        late = _core(when)
        add(f"neste {when:%Y-%m-%d}", _say(late, "kari", "neste"))
        add(f"oversikt {when:%Y-%m-%d}", _say(late, "aud", "oversikt"))
    for name, reply in _lived_year_new_replies():
        add(f"year: {name.strip()}", reply)
    return cards


NEW_WORDS = ("tidligere", "logg", "status", "C0NASJONAL")
"""Replies of the lived year (tests/year_replies.py) that changed today besides those with buttons: the
minutes read «tidligere», `logg` paging, `status` with follow-up points and «Forberedelse av avtalen», and
AU's weekly overview (a label naming many regions)."""


def _lived_year_new_replies() -> list[tuple[str, Reply]]:
    from tests.year_replies import lived_year

    return [
        (name, reply)
        for name, reply in lived_year().replies
        if reply.buttons or any(word in name for word in NEW_WORDS)
    ]


def _welcome_card() -> dict[str, Any]:
    from botbuilder.schema import Activity

    activity = Activity().deserialize(
        {
            "type": "conversationUpdate",
            "channelId": "msteams",
            "conversation": {"id": AGDER, "conversationType": "channel"},
        }
    )
    return _welcome(activity).attachments[0].content
