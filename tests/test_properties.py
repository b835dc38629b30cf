"""Property-based: whatever people type, core.handle answers and a refusal changes nothing."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.messages import Outcome, Request
from tests.driver import make_bot, oslo, record_all_preconditions

COMMAND_WORDS = [
    "neste",
    "status",
    "oversikt",
    "årshjul",
    "arshjul",
    "dato",
    "referat",
    "forutsetning",
    "signer",
    "oppdrag",
    "logg",
    "koble",
    "person",
    "hjelp",
    "avtale",
    "kvittering",
    "DATO",
    "/samhandling",
]
ARG_WORDS = [
    "vår",
    "vaar",
    "høst",
    "host",
    "agder",
    "møre og romsdal",
    "IN",
    "SIVA",
    "RFF",
    "AU",
    "2026",
    "2027",
    "2099",
    "bekreft",
    "vedtak:",
    "oppfølging:",
    "@IN",
    "@",
    "budsjett",
    "statsbudsjett",
    "tildelingsbrev",
    "sendt",
    "ingen",
    "22. april kl 10",
    "uke 53",
    "31.02.27",
    "kl 25",
    "https://x",
    "sha256:abc",
    "sha256:" + "a" * 64,
    "versjon",
    "v2",
    "./avtale.pdf",
    "politisk",
    "region",
    "aktør",
    "nasjonal",
    "koordinator",
    ";",
    "\n",
]
PEOPLE = [
    ("kari", "agder"),
    ("per", "vestland"),
    ("ola", "in"),
    ("aud", "nasjonal"),
    ("admin", "nasjonal"),
    ("rita", "rff"),
    ("ukjent", "ingen-kanal"),
]

junk = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
phrase = st.lists(st.one_of(st.sampled_from(ARG_WORDS), junk), max_size=8).map(" ".join)
command_text = st.one_of(
    st.tuples(st.sampled_from(COMMAND_WORDS), phrase).map(" ".join),
    junk,
    st.text(max_size=300),
    st.builds(lambda word, n: f"{word} " + "x" * n, st.sampled_from(COMMAND_WORDS), st.integers(3900, 4200)),
)
fields = st.one_of(
    st.just({}),
    st.dictionaries(st.sampled_from(["sammendrag", "lenke", "vedtak", "oppfolging", "annet"]), junk, max_size=4),
)

BOT = make_bot(at=oslo(2027, 1, 12, 9))
record_all_preconditions(BOT, year=2027)


def _check(text: str, person: tuple[str, str], form: dict[str, str], platform: str) -> None:
    before = BOT.snapshot()
    user, channel = person
    outcome = BOT.core.handle(
        Request(platform=platform, user_id=user, channel_id=channel, text=text, fields=form, request_id=None)
    )
    assert isinstance(outcome, Outcome)
    assert isinstance(outcome.reply.text, str) and outcome.reply.text
    if not outcome.reply.ok:
        assert BOT.snapshot() == before, f"refused {text!r} but the state changed"
        assert outcome.announcements == ()
    assert "Noe gikk galt" not in outcome.reply.text, f"unexpected error for {text!r}"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=command_text, person=st.sampled_from(PEOPLE), form=fields)
def test_any_text_is_answered_and_refusals_change_nothing(
    text: str, person: tuple[str, str], form: dict[str, str]
) -> None:
    _check(text, person, form, "terminal")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(word=st.sampled_from(COMMAND_WORDS), tail=junk, person=st.sampled_from(PEOPLE))
def test_command_word_followed_by_junk(word: str, tail: str, person: tuple[str, str]) -> None:
    _check(f"{word} {tail}", person, {}, "terminal")


@settings(max_examples=50, deadline=None)
@given(text=st.text(max_size=60), platform=st.sampled_from(["slack", "teams", "ukjent"]))
def test_other_platforms_and_unknown_users(text: str, platform: str) -> None:
    _check(text, ("U0NOBODY", "C0NOWHERE"), {}, platform)
