"""Every reply, announcement and digest a lived year produces, for the surface checks (Slack's Block Kit,
Teams' cards): Agder (bokmål) and Vestland (nynorsk) from September 2026 to January 2028 through the commands,
with the replies made today (walks 8 to 10): minutes replaced («Erstatt referatet») and read «tidligere», the
sign buttons on the text's own reply, «Lagre likevel» for a span and a vague date, a removed date, follow-up
points on `status`, `logg` paging, «Forberedelse av avtalen», and the reminder digests of the busy months
(`Core.simulate`, the passes' own planning). Built once per process: the checks only read it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache

from bot.messages import Reply
from storage.memory import MemoryStore
from storage.transfer import contents
from tests.driver import HOME, BotDriver, make_bot, oslo, text_command

STEPS: tuple[tuple[tuple[int, ...], tuple[tuple[str, str], ...]], ...] = (
    ((2026, 9, 7, 10), (("aud", "dato høstmøte 5. november kl 10"), ("kari", "dato høst 19. november kl 10"))),
    ((2026, 9, 7, 11), (("per", "dato haust 26.-27. november"), ("kari", "dato høst i slutten av november"))),
    ((2026, 9, 8, 10), (("kari", "dato høst avlyst"), ("kari", "dato høst avlyst bekreft"))),
    ((2026, 9, 8, 11), (("kari", "dato høst 24. november kl 10"), ("kari", "neste"), ("kari", "status"))),
    ((2026, 11, 5, 16), (("aud", "referat høstmøte Godt møte"),)),
    (
        (2026, 11, 24, 15),
        (
            (
                "kari",
                "referat høst Godt møte. vedtak: Felles søknad; Ny arbeidsgruppe oppfølging: innspill til avtalen "
                "@SIVA innen 12. desember; budsjettinnspill @IN innen 5. desember; rapport @kari innen 15. juni",
            ),
            ("kari", "referat høst Nytt referat etter rettelse"),
            ("kari", "referat høst"),
            ("kari", "referat høst Nytt referat etter rettelse bekreft"),
            ("kari", "referat vis høst"),
            ("kari", "referat vis høst tidligere"),
            ("kari", "status"),
        ),
    ),
    ((2026, 11, 27, 16), (("per", "referat haust Godt møte"), ("per", "status"))),
    (
        (2026, 12, 10, 12),
        (
            ("kari", "referat handlingsplan vedtatt 10. desember"),
            ("kari", "referat politisk behandlet i fylkestinget 10. desember"),
            ("kari", "forutsetning budsjett 2027"),
            ("kari", text_command(year=2027)),
            ("kari", "status"),
            ("aud", "oversikt"),
        ),
    ),
    ((2026, 12, 18, 12), (("aud", "forutsetning statsbudsjett"),)),
    (
        (2027, 1, 5, 12),
        (
            ("ola", "forutsetning tildelingsbrev"),
            ("siri", "forutsetning tildelingsbrev"),
            ("nils", "forutsetning tildelingsbrev"),
            ("rita", "forutsetning tildelingsbrev"),
            ("per", "forutsetning budsjett 2027"),
            ("per", "referat politisk handsama i fylkestinget 17. desember"),
            ("per", text_command(year=2027, region="vestland")),
        ),
    ),
    ((2027, 1, 6, 12), (("kari", "signer"), ("ola", "signer agder"), ("siri", "signer agder"))),
    (
        (2027, 1, 12, 12),
        (("kari", text_command(year=2027, version=2)), ("kari", text_command(year=2027, version=2, confirm=True))),
    ),
    (
        (2027, 1, 14, 12),
        (
            ("kari", "signer"),
            ("ola", "signer agder"),
            ("siri", "signer agder"),
            ("nils", "signer agder"),
            ("rita", "signer agder"),
            ("per", "signer"),
            ("ola", "signer vestland"),
            ("siri", "signer vestland"),
            ("per", "status"),
            ("kari", "logg"),
            ("kari", "logg side 2"),
            ("kari", "logg side 9"),
        ),
    ),
    ((2027, 1, 20, 12), (("kari", "oppdrag IN sendt"), ("kari", "oppdrag SIVA ingen"), ("kari", "oppdrag NFR sendt"))),
    ((2027, 2, 10, 12), (("aud", "dato vårmøte 11. mars kl 10"), ("kari", "dato vår 24.-25. april"))),
    ((2027, 3, 11, 16), (("aud", "referat vårmøte Godt møte"),)),
    ((2027, 3, 12, 12), (("kari", "dato vår 22. april kl 10"), ("per", "dato vår veke 17"), ("per", "dato vår våren"))),
    (
        (2027, 4, 22, 15),
        (
            ("kari", "referat vår Godt møte. oppfølging: rapport @NFR innen 1. juni; tall @IN @SIVA innen 1. mai"),
            ("kari", "status"),
            ("kari", "årshjul"),
            ("kari", "kalender"),
        ),
    ),
    ((2027, 6, 2, 9), (("kari", "neste"), ("nils", "neste"), ("aud", "oversikt"), ("kari", "hjelp"))),
    ((2027, 12, 17, 9), (("kari", "status"), ("per", "status"), ("aud", "oversikt"), ("ola", "neste"))),
)

DIGEST_SPANS = ((date(2026, 11, 16), date(2026, 12, 18)), (date(2027, 1, 4), date(2027, 1, 22)))


@dataclass(frozen=True)
class Pressed:
    """A button of the year clicked where it was shown, on a copy of the state: who it worked for (the
    first person, in `HOME`'s order, whose click was accepted), or None."""

    where: str
    label: str
    command: str
    accepted_by: str | None
    answer: Reply


@dataclass(frozen=True)
class Year:
    replies: tuple[tuple[str, Reply], ...]
    """(name, reply) for every reply, announcement and simulated digest of the year, in time order."""
    pressed: tuple[Pressed, ...]


@cache
def lived_year() -> Year:
    bot = make_bot(at=oslo(2026, 9, 1, 9))
    shown: list[tuple[str, Reply]] = []
    pressed: list[Pressed] = []
    spans = list(DIGEST_SPANS)
    for when, commands in STEPS:
        while spans and spans[0][0] <= date(*when[:3]):
            shown += _digests(bot, *spans.pop(0))
        bot.set_time(*when)
        for who, text in commands:
            reply = bot.say(text, as_=who)
            made = [(f"{date(*when[:3])} {who}: {text[:60]}", reply)]
            made += [(f"  → {a.to.channel_id}", a.reply) for a in bot.last.announcements]
            clicked: dict[str, Pressed] = {}  # the same button in several channels is clicked once
            for name, shown_reply in made:
                for button in shown_reply.buttons:
                    if button.command not in clicked:
                        clicked[button.command] = _press(
                            bot, who=who, where=name, label=button.label, command=button.command
                        )
            pressed += clicked.values()
            shown += made
    return Year(replies=tuple(shown), pressed=tuple(pressed))


def _press(bot: BotDriver, *, who: str, where: str, label: str, command: str) -> Pressed:
    """The button's command as each person would send it by clicking, on a copy of the state now: first the
    one who was answered, then the others."""
    answer: Reply | None = None
    for person in sorted(HOME, key=lambda name: name != who):
        channel = HOME[person]
        copy = MemoryStore()
        for partition in bot.core.store.partitions():
            with copy.update(partition) as work:
                work.update(json.loads(json.dumps(contents(bot.core.store, partition))))
        clicked = make_bot(at=bot.clock.now(), store=copy).say(command, as_=person, channel=channel)
        if clicked.ok:
            return Pressed(where=where, label=label, command=command, accepted_by=person, answer=clicked)
        answer = answer or clicked
    assert answer is not None
    return Pressed(where=where, label=label, command=command, accepted_by=None, answer=answer)


def _digests(bot: BotDriver, start: date, end: date) -> list[tuple[str, Reply]]:
    return [
        (f"digest {post.at:%Y-%m-%d} {post.digest.to.channel_id}", post.digest.reply)
        for post in bot.core.simulate(start=start, end=end, region=None)
    ]
