"""The fifth year walk's findings on recording commands and their questions (/tmp/walk5 N2, N3, N7, N9, N10,
N11), driven as a person would (tests/driver.py): a personal chat answers in the person's written form; an
assignment answer or a «not relevant» mark over recorded answers asks before it replaces anything; replaced
minutes name the follow-up points that go and tell their owners; the decision day is read from the minutes'
text; a regional meeting dated before the national one it follows asks, quoting the model."""

from __future__ import annotations

import pytest

from bot.messages import Reply, Request
from tests.driver import BotDriver, make_bot, oslo

PEOPLE = {"nb": "kari", "nn": "per"}
CONFIRM = {"nb": "bekreft", "nn": "stadfest"}
IDS = {"kari": {"terminal": "kari", "slack": "U0KARI"}, "per": {"terminal": "per", "slack": "U0PER"}}


def _dm(bot: BotDriver, text: str, *, person: str, platform: str) -> Reply:
    request = Request(
        platform=platform, user_id=IDS[person][platform], channel_id=f"dm-{person}", text=text, personal=True
    )
    outcome = bot.core.handle(request)
    bot.outcomes.append(outcome)
    return outcome.reply


@pytest.mark.parametrize("platform", ["terminal", "slack"])
@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_personal_chat_answers_in_the_party_form(lang: str, platform: str) -> None:
    """N2: Per (Vestland, nynorsk) got bokmål in his personal chat, for reads and writes, until `målform nn`."""
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    person = PEOPLE[lang]
    read = _dm(bot, "neste", person=person, platform=platform)
    written = _dm(bot, "dato vår 20. april kl 10", person=person, platform=platform)
    assert written.ok, written.text
    if lang == "nn":
        assert "gjere no" in read.text and "gjøre nå" not in read.text
        assert "Dato sett" in written.text and "Påminningar" in written.text
    else:
        assert "gjøre nå" in read.text
        assert "Dato satt" in written.text and "Påminnelser" in written.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_personal_chat_follows_the_person_own_choice(lang: str) -> None:
    """N2: the person's own choice wins in their personal chat, also for what they record there."""
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    person = PEOPLE[lang]
    other = "nb" if lang == "nn" else "nn"
    assert _dm(bot, f"målform {other}", person=person, platform="terminal").ok
    written = _dm(bot, "dato vår 20. april kl 10", person=person, platform="terminal")
    assert ("Dato sett" if other == "nn" else "Dato satt") in written.text


def test_personal_chat_of_an_actor_reads_bokmal() -> None:
    """N2: an actor's channels read bokmål, so its adviser's personal chat does too."""
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    reply = bot.core.handle(
        Request(platform="terminal", user_id="ola", channel_id="dm-ola", text="neste", personal=True)
    ).reply
    assert "gjere" not in reply.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_none_over_sent_assignment_asks(lang: str) -> None:
    """N9: `oppdrag IN ingen` silently replaced a recorded «sendt»."""
    bot = make_bot(at=oslo(2027, 1, 11, 10))
    person = PEOPLE[lang]
    assert bot.say("oppdrag IN sendt", as_=person).ok
    before = bot.snapshot()
    asked = bot.say("oppdrag Innovasjon Norge ingen", as_=person)
    assert not asked.ok, asked.text
    assert CONFIRM[lang] in asked.text and "Innovasjon Norge" in asked.text and "sendt" in asked.text
    assert bot.snapshot() == before
    done = bot.say(f"oppdrag Innovasjon Norge ingen {CONFIRM[lang]}", as_=person)
    assert done.ok, done.text
    assert "ingen i år" in done.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_not_relevant_over_recorded_answers_asks(lang: str) -> None:
    """N9: `ikke aktuelt oppdrag` marked the item over recorded answers without a word."""
    bot, person = make_bot(at=oslo(2027, 1, 11, 10)), PEOPLE[lang]
    assert all(bot.say(f"oppdrag {actor} ingen", as_=person).ok for actor in ("IN", "NFR"))
    before = bot.snapshot()
    words = "ikke aktuelt oppdrag" if lang == "nb" else "ikkje aktuelt oppdrag"
    asked = bot.say(words, as_=person)
    assert not asked.ok, asked.text
    nfr = {"nb": "Norges forskningsråd", "nn": "Noregs forskingsråd"}[lang]  # the party's name in the reader's form
    assert "Innovasjon Norge" in asked.text and nfr in asked.text and CONFIRM[lang] in asked.text
    assert bot.snapshot() == before
    done = bot.say(f"{words} {CONFIRM[lang]}", as_=person)
    assert done.ok, done.text
    status = bot.say("status", as_=person).text
    assert "IN, NFR" in status


def test_not_relevant_without_answers_does_not_ask() -> None:
    """N9: with no answer recorded, the mark needs no question."""
    bot = make_bot(at=oslo(2027, 1, 11, 10))
    assert bot.say("ikke aktuelt oppdrag", as_="kari").ok


TREATED = {"nb": "behandlet", "nn": "handsama"}
ADOPTED = {"nb": "vedtatt", "nn": "vedteken"}


DECISIONS = [
    ("politisk", TREATED, "Fylkestinget vedtok utkastet 10. desember", (2026, 12, 15, 10)),
    ("politisk", TREATED, "vedtatt 10.12.", (2026, 12, 15, 10)),
    ("politisk", TREATED, "handsama 10. desember", (2026, 12, 15, 10)),
    ("politisk", TREATED, "behandlet i fylkestinget 10. desember", (2026, 12, 15, 10)),
    ("handlingsplan", ADOPTED, "Vedtatt i fylkestinget 10. desember", (2027, 1, 11, 10)),
    ("handlingsplan", ADOPTED, "vedtok planen 10. desember", (2027, 1, 11, 10)),
]


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize(("command", "words", "typed", "at"), DECISIONS)
def test_decision_day_is_read_from_the_text(
    lang: str, command: str, words: dict[str, str], typed: str, at: tuple[int, ...]
) -> None:
    """N7/N10: «referat politisk Fylkestinget vedtok utkastet 10. desember» typed 15 Dec was treated «15.
    desember»; «referat handlingsplan Vedtatt i fylkestinget 10. desember» typed 11 Jan adopted «11. januar»."""
    bot = make_bot(at=oslo(*at))
    typed_day = f"{at[2]}. {'desember' if at[1] == 12 else 'januar'}"
    reply = bot.say(f"referat {command} {typed} {CONFIRM[lang]}", as_=PEOPLE[lang])
    assert reply.ok, reply.text
    assert f"{words[lang]} 10. desember 2026" in reply.text and typed_day not in reply.text
    status = bot.say("status 2027", as_=PEOPLE[lang]).text
    assert f"({words[lang]}) 10. desember 2026" in status


def test_a_plan_named_in_the_text_is_no_decision_day() -> None:
    """N7: «vedtatt å møtes 20. oktober» names a plan, not the day of the decision."""
    bot = make_bot(at=oslo(2026, 12, 15, 10))
    reply = bot.say("referat politisk vedtatt å møtes 20. oktober bekreft", as_="kari")
    assert "20. oktober" not in reply.text.split("Registrert av")[0]


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize(("command", "words"), [("politisk", TREATED), ("handlingsplan", ADOPTED)])
def test_hint_names_the_item_word_and_a_day_in_its_window(lang: str, command: str, words: dict[str, str]) -> None:
    """N7/N10: the hint said «holdt/halde 6. mai» for a December decision."""
    bot = make_bot(at=oslo(2026, 12, 15, 10))
    reply = bot.say(f"referat {command} Godt arbeid {CONFIRM[lang]}", as_=PEOPLE[lang])
    assert reply.ok, reply.text
    assert f"«{words[lang]} 14. desember»" in reply.text
    assert "6. mai" not in reply.text
    follow = make_bot(at=oslo(2026, 12, 15, 10))
    assert follow.say(f"referat {command} {words[lang]} 14. desember {CONFIRM[lang]}", as_=PEOPLE[lang]).ok
    assert f"{words[lang]} 14. desember 2026" in follow.last.reply.text


FIRST = (
    "referat vårmøte Holdt. oppfølging: IN lagar tal @IN innan 1. april; Agder sender innspill @agder innen 25. mars; "
    "Vestland sender tal @vestland innen 26. mars"
)
AGAIN = "referat vårmøte Holdt igjen. oppfølging: IN lager tall @IN innen 2. april; Vestland sender tal @vestland innen 26. mars"


def _replaced_minutes_bot() -> tuple[BotDriver, dict[str, str]]:
    """AU's spring meeting held 10 March 2027 with three points: {owner: id}."""
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    assert bot.say("dato vårmøte 10. mars kl 10", as_="aud").ok
    bot.set_time(2027, 3, 10, 15)
    reply = bot.say(FIRST, as_="aud")
    assert reply.ok, reply.text
    ids = {}
    for owner, words in (
        ("IN", "IN lagar tal"),
        ("agder", "Agder sender innspill"),
        ("vestland", "Vestland sender tal"),
    ):
        line = next(line for line in reply.text.splitlines() if words in line)
        ids[owner] = line.rsplit("[", 1)[1].split("]")[0]
    return bot, ids


def test_replacing_minutes_names_the_points_that_would_go() -> None:
    """N3: the question never said Agder's point (and IN's old one) would be removed."""
    bot, ids = _replaced_minutes_bot()
    before = bot.snapshot()
    asked = bot.say(AGAIN, as_="aud")
    assert not asked.ok
    assert f"[{ids['agder']}] Agder sender innspill" in asked.text and f"[{ids['IN']}]" in asked.text
    assert "(Agder fylkeskommune)" in asked.text or "(Agder)" in asked.text
    assert ids["vestland"] not in asked.text  # typed again the same: it stays
    assert bot.snapshot() == before


KEPT = {
    "agder": "Agder sender innspill @agder innen 25. mars",
    "vestland": "Vestland sender tal @vestland innen 26. mars",
}
REGION = {"nb": "agder", "nn": "vestland"}
REMOVED = {"nb": "fjernet", "nn": "fjerna"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_replacing_minutes_tells_the_owners_of_dropped_points(lang: str) -> None:
    """N3: once confirmed, the owners of the points left out are told in their channels, in their form; a
    point typed again keeps its id."""
    bot, ids = _replaced_minutes_bot()
    gone = REGION[lang]
    kept = REGION["nn" if lang == "nb" else "nb"]
    done = bot.say(
        f"referat vårmøte Holdt igjen. oppfølging: IN lagar tal @IN innan 1. april; {KEPT[kept]} bekreft", as_="aud"
    )
    assert done.ok, done.text
    assert ids[gone] in done.text and "beskjed" in done.text
    assert f"[{ids[kept]}]" in done.text and f"[{ids['IN']}]" in done.text  # the same points, not new ones
    announced = bot.last.announcements
    told = {a.to.channel_id: a.reply.text for a in announced if a.to.platform == "terminal"}
    assert set(told) == {gone}, told  # only the owner whose point went
    assert ids[gone] in told[gone] and REMOVED[lang] in told[gone].lower()
    assert ids[gone] not in bot.say("neste", as_=PEOPLE[lang]).text
    assert ids[kept] in bot.say("neste", as_=PEOPLE["nn" if lang == "nb" else "nb"]).text


def test_points_of_replaced_minutes_keep_their_closing() -> None:
    """N3: a point closed with `ferdig` and typed again stays closed, and is not counted as dropped."""
    bot, ids = _replaced_minutes_bot()
    assert bot.say(f"ferdig {ids['vestland']}", as_="per").ok
    done = bot.say(AGAIN + " bekreft", as_="aud")
    assert done.ok, done.text
    again = bot.say(f"ferdig {ids['vestland']}", as_="per")
    assert again.title in ("Allerede registrert", "Allereie registrert"), again.text
    assert (
        "✓ Vestland sender tal (Vestland fylkeskommune, innen 24. mars 2027, ferdig " in done.text
    )  # 26 March 2027 is Good Friday: M6
    assert f"ferdig {ids['vestland']}" not in done.text  # closed: no button to close it again
    assert ids["vestland"] not in bot.say("neste", as_="per").text


MODEL = {
    "nb": "Dialogmøtet om våren holdes som oppfølging av vårens temamøte nasjonalt (§3.1)",
    "nn": "Dialogmøtet om våren vert halde som oppfølging av det nasjonale temamøtet om våren (§3.1)",
}


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize(
    "typed", ["i morgen", "tirsdag i neste uke", "uke 12", "1. mars", "30. mars"]
)  # walk 6 F3: March too
def test_regional_spring_before_an_undated_national_asks(lang: str, typed: str) -> None:
    """N11: `dato vår i morgen` on 3 Feb 2027, the national spring meeting undated, was kept without a word."""
    bot = make_bot(at=oslo(2027, 2, 3, 9, 30))
    person = PEOPLE[lang]
    before = bot.snapshot()
    asked = bot.say(f"dato vår {typed}", as_=person)
    assert bot.snapshot() == before, asked.text
    assert "Nasjonalt temamøte vår (vårmøtet) 2027" in asked.text
    assert MODEL[lang] in asked.text and CONFIRM[lang] in asked.text
    assert bot.say(f"dato vår {typed} {CONFIRM[lang]}", as_=person).ok
    assert bot.snapshot() != before


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_regional_spring_before_a_later_national_quotes_the_model(lang: str) -> None:
    """N11: dated before the national meeting's own date, the question quotes the model's order too."""
    bot = make_bot(at=oslo(2027, 2, 3, 9, 30))
    assert bot.say("dato vårmøte 10. mars kl 10", as_="aud").ok
    before = bot.snapshot()
    asked = bot.say("dato vår 3. mars", as_=PEOPLE[lang])
    assert bot.snapshot() == before
    assert "10. mars 2027" in asked.text and MODEL[lang] in asked.text


def test_regional_dates_that_leave_the_national_time_are_kept() -> None:
    """N11: a regional date after the national one, or far enough ahead that AU can still come first in good
    time, is kept as before (and so is a date once the national window leaves no such time)."""
    bot = make_bot(at=oslo(2027, 2, 3, 9, 30))
    reply = bot.say("dato vår 22. april kl 10", as_="kari")
    assert reply.title.startswith("Dato satt"), reply.text
    assert bot.say("dato vårmøte 10. mars kl 10", as_="aud").ok
    assert bot.say("dato vår 11. mars", as_="per").title.startswith("Dato sett")
    late = make_bot(at=oslo(2026, 11, 23, 9))  # the national autumn 2026 window ends 30 Nov: no time left
    assert late.say("dato høst 27. november kl 10", as_="kari").title.startswith("Dato satt")
