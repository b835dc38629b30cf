"""Issue 18's leftovers, driven as people meet them: each rule where it is decided, in both written forms."""

from __future__ import annotations

from datetime import date

from bot.messages import Request
from bot.reminders.simulation import simulate
from tests.driver import BotDriver, make_bot, oslo


def test_a_refused_recording_follows_the_persons_own_written_form() -> None:
    """Kari (Agder, a bokmål channel) chose nynorsk, Per (Vestland, a nynorsk channel) bokmål: what the bot
    refuses them is theirs alone, so it is in their form; what it records is the channel's."""
    bot = make_bot(at=oslo(2026, 9, 14, 9))
    assert bot.say("målform nn", as_="kari", channel="agder").ok
    refused = bot.say("dato vår blabla", as_="kari", channel="agder")
    assert not refused.ok and "Eg forstod ikkje datoen «blabla»" in refused.text, refused.text
    recorded = bot.say("dato vår agder 2027 22. april kl 10", as_="kari", channel="agder")
    assert recorded.ok and "Dato satt" in recorded.text, recorded.text  # Agder's channel reads bokmål

    assert bot.say("målform nb", as_="per", channel="vestland").ok
    refused = bot.say("dato vår blabla", as_="per", channel="vestland")
    assert not refused.ok and "Jeg forstod ikke datoen «blabla»" in refused.text, refused.text
    refused = bot.say("dato vår agder 2027 23. april kl 10", as_="per", channel="vestland")
    assert not refused.ok and "Bare Agder fylkeskommune kan registrere" in refused.text, refused.text
    recorded = bot.say("dato vår 2027 22. april kl 10", as_="per", channel="vestland")
    assert recorded.ok and "Dato sett" in recorded.text, recorded.text  # Vestland's channel reads nynorsk
    again = bot.say("dato vår 2027 22. april kl 10", as_="per", channel="vestland")  # only Per reads this
    assert again.ok and "Ingenting er endret" in again.text, again.text


def test_a_failure_the_adapter_words_itself_is_in_the_persons_form() -> None:
    bot = make_bot(at=oslo(2026, 9, 14, 9))
    assert bot.say("målform nn", as_="kari", channel="agder").ok
    asked = Request(platform="terminal", user_id="kari", channel_id="agder", text="dato vår 22. april")
    assert bot.core.lang_for(asked) == "nn"


def test_29_february_in_a_year_without_it_is_said_as_such() -> None:
    bot = make_bot(at=oslo(2026, 9, 14, 9))
    for typed in ("dato vår 2027 29. februar", "dato vår 29.02.2027", "dato vår 29. februar"):
        refused = bot.say(typed, as_="kari", channel="agder")
        assert not refused.ok and refused.text.startswith("29. februar finnes ikke i 2027."), refused.text
    refused = bot.say("dato vår 2027 29.2.", as_="per", channel="vestland")
    assert not refused.ok and refused.text.startswith("29. februar finst ikkje i 2027."), refused.text
    refused = bot.say("dato vår 31. april 2027", as_="per", channel="vestland")
    assert not refused.ok and refused.text.startswith("31. april finst ikkje."), refused.text
    assert bot.say("dato vår 2028 29. februar", as_="kari", channel="agder").text.count("finnes ikke") == 0


def test_a_person_withdraws_their_own_join_request() -> None:
    """One pending request per person: `bli med trekk` takes it back, so they may ask for another party."""
    bot = make_bot(at=oslo(2026, 9, 14, 9))
    assert bot.say("bli med agder", as_="ny", channel="ukjent").ok
    refused = bot.say("bli med IN", as_="ny", channel="ukjent")
    assert not refused.ok and "«bli med trekk»" in refused.text, refused.text
    withdrawn = bot.say("bli med trekk", as_="ny", channel="ukjent")
    assert withdrawn.ok and "Du har trukket forespørselen om å bli med for Agder fylkeskommune" in withdrawn.text
    told = [a for a in bot.outcomes[-1].announcements if a.to.channel_id == "agder"]
    assert told and "ny trakk forespørselen" in told[0].reply.text
    late = bot.say("opptak ja 1", as_="kari", channel="agder")
    assert "har trukket forespørselen selv" in late.text, late.text
    assert "ny" not in bot.say("hvem agder", as_="kari", channel="agder").text.split()
    assert bot.say("bli med IN", as_="ny", channel="ukjent").ok  # free to ask another party now
    nothing = bot.say("bli med trekk", as_="nobody", channel="ukjent")
    assert not nothing.ok and "ingen forespørsel om å bli med som venter på svar" in nothing.text


def test_a_join_request_withdrawn_in_nynorsk() -> None:
    bot = make_bot(at=oslo(2026, 9, 14, 9))
    assert bot.say("bli med", as_="ny", channel="vestland").ok
    withdrawn = bot.say("bli med trekk", as_="ny", channel="vestland")
    assert withdrawn.ok and "ny trekte førespurnaden om å bli med for Vestland" in withdrawn.text, withdrawn.text
    assert "«bli med trekk» trekkjer førespurnaden din" in bot.say("hjelp bli", as_="per").text


def test_oversikt_says_how_far_the_assignment_agreements_are() -> None:
    """An optional item is never overdue, but «åpen» hid how far it was: sent or «ingen» per actor."""
    bot = make_bot(at=oslo(2027, 1, 20, 9))
    assert bot.say("oppdrag IN sendt", as_="kari", channel="agder").ok
    assert bot.say("oppdrag SIVA ingen", as_="kari", channel="agder").ok
    for lang in ("nb", "nn"):
        assert bot.say(f"målform {lang}", as_="aud", channel="nasjonal").ok
        cells = {
            section.title: [fact.value for fact in section.facts if fact.label.startswith("Oppdragsavtal")]
            for section in bot.say("oversikt", as_="aud", channel="nasjonal").sections
        }
        assert cells["Agder"] == ["2/4 avklart"] and cells["Akershus"] == ["0/4 avklart"], (lang, cells)


def _action_plan_lines(bot: BotDriver, *, region: str) -> list[str]:
    posts = simulate(bot.core, start=date(2027, 10, 1), end=date(2027, 11, 30), region=region)
    return [
        reminder.line.text
        for post in posts
        if post.digest.to.channel_id == region
        for reminder in post.digest.reminders
        if reminder.line.label.endswith("Handlingsplan 2028")
    ]


def test_the_coordinator_is_told_to_register_the_next_plan_period() -> None:
    """app.yaml's 2024–2027 frames no cycle from 2028: the action plan's reminders for 2028 and the region's
    `neste` say so with the command, until the coordinator sets the next period."""
    bot = make_bot(at=oslo(2027, 10, 1, 9))
    lines = _action_plan_lines(bot, region="agder")
    assert len(lines) == 2 and all(
        "Planperioden 2024–2027 dekker ikke syklus 2028, og ingen ny er registrert: koordinatoren skriver "
        "«plan 2028–2031»." in line
        for line in lines
    ), lines
    (nynorsk,) = _action_plan_lines(bot, region="vestland")[:1]
    assert "Planperioden 2024–2027 dekkjer ikkje syklus 2028" in nynorsk and "skriv «plan 2028–2031»" in nynorsk
    assert "dekker ikke syklus 2028" in bot.say("neste", as_="kari", channel="agder").text
    assert "dekkjer ikkje syklus 2028" in bot.say("neste", as_="per", channel="vestland").text
    assert "dekker ikke" not in bot.say("neste", as_="ola", channel="in").text  # an actor's neste: not theirs

    assert bot.say("plan 2028–2031", as_="kari", channel="agder").ok
    assert not any("Planperioden" in line for line in _action_plan_lines(bot, region="agder"))
    assert "Planperioden" not in bot.say("neste", as_="kari", channel="agder").text


def test_no_plan_period_reminder_while_the_period_frames_the_cycles_read() -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 9))  # cycle 2027 only: 2024–2027 frames it
    assert "Planperioden" not in bot.say("neste", as_="kari", channel="agder").text


def _region_digests(bot: BotDriver, *, region: str, start: date, end: date) -> dict[date, str]:
    return {
        post.at.date(): post.digest.reply.text
        for post in simulate(bot.core, start=start, end=end, region=region)
        if post.digest.to.platform == "terminal" and post.digest.to.channel_id == region
    }


def test_still_overdue_lines_wait_a_day_for_a_new_overdue_item_rather_than_two_digests_in_a_row() -> None:
    """Signing's deadline 31 January 2028 is a Monday, the «fortsatt forsinket» day: the region heard its
    late items on Monday and the late signing on Tuesday. Now both come on Tuesday, in one digest, on time."""
    bot = make_bot(at=oslo(2027, 9, 1, 9))
    for region, still, sent_late in (
        ("agder", "fortsatt forsinket siden", "Sendt for sent"),
        ("vestland", "framleis forseinka sidan", "Sendt for seint"),
    ):
        digests = _region_digests(bot, region=region, start=date(2028, 1, 3), end=date(2028, 2, 4))
        assert still not in digests.get(date(2028, 1, 31), ""), digests[date(2028, 1, 31)]
        assert still in digests[date(2028, 1, 17)]  # the grid Monday before: as ever
        tuesday = digests[date(2028, 2, 1)]
        assert still in tuesday and "Signering 2028" in tuesday and "(1 dag" in tuesday, tuesday
        assert sent_late not in tuesday, tuesday


def test_a_meeting_over_up_to_five_days_is_kept_by_its_first_day() -> None:
    bot = make_bot(at=oslo(2026, 9, 14, 9))
    kept = bot.say("dato vårmøte 2027 10.-12. mars", as_="aud", channel="nasjonal")
    # walk 5, N13: the last day is kept now, and said (it was «(første dag; sluttdagen 12. mars lagres ikke)»)
    assert kept.ok and "onsdag 10. mars 2027 – fredag 12. mars 2027." in kept.text, kept.text
    kept = bot.say("dato vår 2027 frå 19. til 23. april", as_="per", channel="vestland")
    assert kept.ok and "måndag 19. april 2027 – fredag 23. april 2027." in kept.text, kept.text
    before = bot.snapshot()
    refused = bot.say("dato vårmøte 2027 8.-15. mars", as_="aud", channel="nasjonal")
    assert not refused.ok and "et møte over flere dager kan vare høyst 5 dager, og dette er 8" in refused.text
    assert "«dato vårmøte 2027 8. mars»" in refused.text, refused.text  # the first day, to type instead
    refused = bot.say("dato vår 2027 19.-26. april", as_="per", channel="vestland")
    assert not refused.ok and "eit møte over fleire dagar kan vare høgst 5 dagar, og dette er 8" in refused.text
    assert bot.snapshot() == before
