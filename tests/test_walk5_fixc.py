"""Walk 5 findings fixed on branch fixc: a moved meeting is told to those who heard the old date (N14), a
join request reaches someone who may answer it (N1), an unsigned party keeps hearing its overdue signing
(N4), `status` carries only the buttons the channel speaks for (N5), and «Sendt for sent» only for a
reminder that was due and missed (N6). Reminder passes run between commands, as in production."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from bot.clock import OSLO
from bot.reminders.pass_plan import plan_digests, record_digest
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions, register_text


def run_passes(bot: BotDriver, *, start: date, end: date) -> dict[tuple[date, str], str]:
    """Every reminder pass at 09:00 from `start` to `end` (weekdays), recorded as sent: terminal posts by
    (day, channel). The clock is left at 10:00 on `end`."""
    posts: dict[tuple[date, str], str] = {}
    day = start
    while day <= end:
        if day.weekday() < 5:
            at = datetime.combine(day, time(9), tzinfo=OSLO)
            bot.clock.set(at)
            for digest in plan_digests(core=bot.core, at=at):
                if digest.to.platform == "terminal":
                    posts[(day, digest.to.channel_id)] = digest.reply.text
                record_digest(bot.core, digest, at=at)
        day += timedelta(days=1)
    bot.clock.set(datetime.combine(end, time(10), tzinfo=OSLO))
    return posts


def told(bot: BotDriver) -> dict[str, str]:
    """The last command's announcements to terminal channels: channel -> text."""
    return {a.to.channel_id: a.reply.text for a in bot.last.announcements if a.to.platform == "terminal"}


# -- N14: a changed meeting date is told to the channels that hear the meeting's leads ----------------------
def test_a_moved_regional_meeting_is_told_to_the_actors_and_the_region_in_their_own_form() -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    assert bot.say("dato vår 22. april kl 10", as_="per").ok
    assert told(bot) == {}  # a first date: the leads tell it
    posts = run_passes(bot, start=date(2027, 3, 2), end=date(2027, 4, 19))
    assert "22. april 2027" in posts[(date(2027, 4, 8), "in")]  # the actors were told the old date
    assert bot.say("dato vår 3. mai kl 10", as_="per", channel="vestland").ok
    heard = told(bot)
    assert {"in", "siva", "nfr", "rff"} <= set(heard) and "vestland" not in heard, heard  # the asker has the reply
    assert (
        "Vestland · Dialogmøte vår 2027 er flyttet fra torsdag 22. april 2027 kl. 10.00 til mandag 3. mai"
        in (heard["in"])
    )
    assert "agder" not in heard and "nasjonal" not in heard
    bot.say("dato vår 4. mai kl 10", as_="U0PER", channel="C0VESTLAND", platform="slack")
    nynorsk = told(bot)["vestland"]
    assert "er flytta frå måndag 3. mai 2027 kl. 10.00 til tysdag 4. mai 2027 kl. 10.00" in nynorsk, nynorsk
    assert bot.say("dato vår 4. mai kl 10", as_="per").ok and told(bot) == {}  # unchanged: nothing told


def test_a_moved_national_meeting_is_told_to_every_actor_and_au() -> None:
    bot = make_bot(at=oslo(2027, 2, 1, 10))
    assert bot.say("dato vårmøte 17. mars kl 10", as_="aud", channel="nasjonal").ok
    bot.say("dato vårmøte 18. mars kl 10", as_="U0AUD", channel="C0NASJONAL", platform="slack")
    heard = told(bot)
    assert {"nasjonal", "in", "siva", "nfr", "rff"} <= set(heard), heard
    assert "fra onsdag 17. mars 2027 kl. 10.00 til torsdag 18. mars 2027 kl. 10.00" in heard["in"]


# -- N1: a join request goes where someone may answer it ---------------------------------------------------
def test_a_request_to_join_an_actor_without_coordinator_reaches_the_admins_and_no_refused_buttons() -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    asked = bot.say("bli med Innovasjon Norge", as_="U0NEW", channel="C0IN", platform="slack", user_name="Nina Ny")
    assert asked.ok and not asked.buttons  # IN's advisers may not answer: no buttons where a click is refused
    assert "en administrator svarer" in asked.text
    sent = {(a.to.platform, a.to.channel_id): a.reply for a in bot.last.announcements}
    assert set(sent) == {("terminal", "nasjonal"), ("slack", "C0NASJONAL"), ("teams", "19:nasjonal@thread.tacv2")}
    message = sent[("terminal", "nasjonal")]
    assert [b.command for b in message.buttons] == ["opptak ja 1", "opptak nei 1"]
    assert [m.person for m in message.mentions] == ["admin"]
    let_in = bot.say("opptak ja 1", as_="admin", channel="nasjonal")
    assert let_in.ok and "Nina Ny er med for Innovasjon Norge" in let_in.text
    # From a personal chat too: the person is told an administrator was asked, and one is.
    dm = bot.say("bli med NFR", as_="U0DM", channel="D0DM", platform="slack", user_name="Dag Mo")
    assert "spurt en administrator" in dm.text
    assert {a.to.channel_id for a in bot.last.announcements if a.to.platform == "terminal"} == {"nasjonal"}


def test_a_request_to_join_a_region_still_goes_to_its_coordinators_in_its_channel() -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    asked = bot.say("bli med vestland", as_="U0X", channel="D0X", platform="slack", user_name="Xa")
    assert "spurt koordinatorene for Vestland" in asked.text
    sent = {a.to.channel_id: a.reply for a in bot.last.announcements if a.to.platform == "terminal"}
    assert set(sent) == {"vestland"} and [b.command for b in sent["vestland"].buttons] == [
        "opptak ja 1",
        "opptak nei 1",
    ]
    assert bot.say("opptak ja 1", as_="per", channel="vestland").ok


# -- N4: an unsigned party keeps hearing the overdue signing in its own channel ---------------------------
def test_after_the_deadline_each_party_that_has_not_signed_hears_the_overdue_rhythm() -> None:
    bot = make_bot(at=oslo(2027, 1, 4, 10))
    record_all_preconditions(bot, year=2027, region="vestland")
    assert bot.say("signer vestland 2027", as_="nils", channel="nfr").ok  # NFR signed, the others not
    posts = run_passes(bot, start=date(2027, 1, 5), end=date(2027, 3, 31))
    for channel, party in (("in", "Innovasjon Norge"), ("rff", "Regionale forskningsfond"), ("siva", "Siva")):
        late = [day for (day, ch), text in posts.items() if ch == channel and "Vestland · Signering 2027" in text]
        after = [day for day in late if day > date(2027, 1, 31)]
        assert after and after[0] == date(2027, 2, 1), (channel, late)
        assert len(after) >= 3, (channel, after)  # the overdue rhythm, as the region's channel
        assert f"{party} har ikke signert" in posts[(date(2027, 2, 1), channel)]
    assert not [
        day
        for (day, ch), text in posts.items()
        if ch == "nfr" and day > date(2027, 1, 31) and ("Vestland · Signering 2027" in text)
    ]  # NFR signed: not chased
    region_days = [d for (d, ch), text in posts.items() if ch == "vestland" and "Signering 2027" in text]
    assert date(2027, 2, 1) in region_days


# -- N5: `status` buttons only for the parties the channel (or the person) speaks for ----------------------
def test_status_carries_only_the_buttons_clicked_with_success_where_it_is_shown() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 10))
    record_all_preconditions(bot, year=2027, region="vestland")
    for at in (oslo(2027, 1, 12, 10), oslo(2027, 2, 2, 10)):  # in the window and after it
        bot.clock.set(at)

        def signing(person: str, channel: str, platform: str = "terminal") -> list[str]:
            reply = bot.say("status vestland", as_=person, channel=channel, platform=platform)
            # the party each button signs for: a region's own reads «signer for vestland …» (walk 41)
            return [
                b.command.replace("signer for ", "signer ").split()[1]
                for b in reply.buttons
                if b.command.startswith("signer")
            ]

        assert signing("nils", "nfr") == ["NFR"]
        assert signing("ola", "in") == ["IN"]
        # The region's channel speaks for every party, but its coordinator is refused for the others (walk 6 F14).
        assert signing("per", "vestland") == ["vestland"]
        assert signing("aud", "nasjonal") == []  # AU signs for no one
        assert signing("kari", "agder") == []  # another region's channel speaks for none of them
        assert signing("U0NILS", "D0NILS", "slack") == ["NFR"]  # a personal chat: the person's own party
    late = bot.say("status vestland", as_="nils", channel="nfr").buttons
    (button,) = [b for b in late if b.command.startswith("signer")]
    assert button.confirm and "31. januar" in button.confirm  # a late button's question names the rule
    before = bot.snapshot()
    refused = bot.say("signer IN vestland 2027 versjon 1 bekreft", as_="nils", channel="nfr")
    assert not refused.ok and bot.snapshot() == before


# -- N6: «Sendt for sent» only for a reminder that was due then and missed ----------------------------------
def test_a_lead_made_due_by_a_later_change_is_not_called_late() -> None:
    bot = make_bot(at=oslo(2027, 1, 4, 10))
    record_all_preconditions(bot, year=2027, region="vestland")
    assert bot.say("signer 2027", as_="per", channel="vestland").ok
    posts = run_passes(bot, start=date(2027, 1, 5), end=date(2027, 1, 20))
    assert "Innovasjon Norge har ikke signert" in posts[(date(2027, 1, 15), "in")]  # the lead went to those missing
    # The region, which answers for the signing, hears the lead too, naming whom it waits for (walk 20 F-e),
    # so the lead is not «made due» for it by the new text below: its next lead says it, not called late.
    assert "Vestland har ikkje signert" not in posts[(date(2027, 1, 15), "vestland")]
    assert (
        "Manglar signatur frå Innovasjon Norge, Siva, Noregs forskingsråd, Regionale forskingsfond"
        in posts[(date(2027, 1, 15), "vestland")]
    )
    assert register_text(bot, year=2027, region="vestland", version=2).ok  # Per's signature is voided
    later = run_passes(bot, start=date(2027, 1, 21), end=date(2027, 1, 29))
    region = later[(date(2027, 1, 29), "vestland")]
    # Per signed version 1: the line says so and asks for version 2 (walk 8 N12), not «har ikkje signert».
    assert "Vestland signerte versjon 1; må signere versjon 2 på nytt" in region, region
    assert "Sendt for seint" not in region, region


def test_a_reminder_missed_while_no_pass_ran_is_still_called_late() -> None:
    bot = make_bot(at=oslo(2027, 1, 4, 10))
    record_all_preconditions(bot, year=2027, region="vestland")
    run_passes(bot, start=date(2027, 1, 5), end=date(2027, 1, 14))
    posts = run_passes(bot, start=date(2027, 1, 18), end=date(2027, 1, 18))  # down on Friday 15 January
    assert "Sendt for sent: skulle gått ut 15. januar 2027" in posts[(date(2027, 1, 18), "in")]
