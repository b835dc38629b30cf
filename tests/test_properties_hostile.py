"""Property-based, hostile: any person in any kind of channel, on any day from September 2026 to February
2028, typing junk, control characters, wrong years, `bekreft` in odd places, unknown mentions, links and
checksums. Invariants: always an answer (never "Noe gikk galt"), a refusal changes nothing and announces
nothing, and it is short, without control characters, never echoing a long paste back."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.clock import OSLO
from bot.messages import Outcome, Request
from tests.driver import make_bot, oslo, record_all_preconditions

COMMANDS = ["neste", "status", "oversikt", "årshjul", "dato", "referat", "forutsetning", "signer", "avtale"]
COMMANDS += ["kvittering", "oppdrag", "ikke aktuelt", "plan", "logg", "varsel", "kalender", "koble", "person"]
WORDS = ["vår", "høst", "vårmøte", "høstmøte", "politisk", "handlingsplan", "oppdrag", "signering", "agder"]
WORDS += ["Vestland", "møre og romsdal", "IN", "SIVA", "AU", "2026", "2027", "2028", "1999", "2100", "20271"]
WORDS += ["bekreft", "angre", "versjon", "vedtak:", "oppfølging:", "@IN", "<@U0KARI>", "<@UNOBODY>", "<@>"]
WORDS += ["budsjett", "tildelingsbrev", "statsbudsjett", "sendt", "ingen", "i morgen", "julaften", "17. mai"]
WORDS += ["uke 53", "31.02.27", "kl 25", "første mandag i mars", "https://x.no/a.pdf", "http://", "ftp://a"]
WORDS += ["sha256:abc", "sha256:" + "a" * 64, "sha256:" + "g" * 64, "2028–2031", "av", "på", "varmekart"]
WORDS += ["\x00", "\x1b[2J", "\u202e", "\t", "\n", "😀", "İ", "-1", "9" * 30]
PEOPLE = [
    ("kari", "agder"),
    ("per", "vestland"),
    ("kari", "nasjonal"),
    ("ola", "in"),
    ("ola", "agder"),
    ("siri", "siva"),
    ("aud", "nasjonal"),
    ("aud", "agder"),
    ("admin", "nasjonal"),
    ("admin", "agder"),
    ("kari", "ingen-kanal"),
    ("ukjent", "ingen-kanal"),
    ("ukjent", "agder"),
]
START = oslo(2026, 9, 1, 7)
SPAN_HOURS = int((oslo(2028, 2, 28, 18) - START).total_seconds() // 3600)

junk = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
words = st.lists(st.one_of(st.sampled_from(WORDS), junk), max_size=7)
text = st.one_of(
    st.builds(lambda c, w: " ".join([c, *w]), st.sampled_from(COMMANDS), words),
    st.builds(lambda w, c: " ".join([*w, c]), words, st.sampled_from(COMMANDS)),  # the command last
    st.builds(lambda c, n: f"{c} " + "x" * n, st.sampled_from(COMMANDS), st.integers(200, 3990)),
)
when = st.integers(0, SPAN_HOURS).map(lambda hours: START + timedelta(hours=hours))

BOTS = [make_bot(at=oslo(2027, 1, 12, 9)), make_bot(at=oslo(2027, 1, 12, 9))]
record_all_preconditions(BOTS[1], year=2027)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(typed=text, person=st.sampled_from(PEOPLE), at=when, which=st.integers(0, 1))
def test_hostile_commands_on_any_day(typed: str, person: tuple[str, str], at: datetime, which: int) -> None:
    bot = BOTS[which]
    bot.clock.set(at.astimezone(OSLO))
    before = bot.snapshot()
    user, channel = person
    outcome = bot.core.handle(Request(platform="terminal", user_id=user, channel_id=channel, text=typed))
    assert isinstance(outcome, Outcome) and outcome.reply.text
    reply = outcome.reply
    assert "Noe gikk galt" not in reply.text, typed
    if not reply.ok:
        assert bot.snapshot() == before, f"refused {typed[:80]!r} but the state changed"
        assert outcome.announcements == ()
        assert len(reply.text) <= 700, reply.text
        assert "x" * 100 not in reply.text, "a long paste echoed back"
        assert not any(ch in reply.text for ch in "\x00\x1b\u202e"), repr(reply.text)
