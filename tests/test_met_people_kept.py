"""The last stop's leftover (organisations): who was met through an organisation (`bot.model.met`, so a
mention names them as a point's owner) was kept in one process's memory, and after a restart a mention of
them was refused until they spoke again. It is kept in the store now, written only when someone is met anew
or what their request says of them changed, never by a plain read of someone already kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.model.met import PARTITION
from storage.tinydb_store import TinyDBStore
from tests.driver import make_bot, oslo
from tests.test_organisations import TENANT, say

KARI_TEAMS = "11111111-0000-0000-0000-000000000001"
AGDER_TEAMS = "19:agder@thread.tacv2"
IN_TEAMS = "19:in@thread.tacv2"


@pytest.mark.parametrize("form", ["nb", "nn"])  # Kari's own written form
def test_a_person_met_through_the_organisation_is_named_after_a_restart(tmp_path: Path, form: str) -> None:
    first = make_bot(at=oslo(2026, 11, 23, 10), store=TinyDBStore(tmp_path))
    assert first.say(f"koble organisasjon {TENANT} IN", as_="admin").ok
    assert first.say(f"målform {form}", as_=KARI_TEAMS, platform="teams", channel=AGDER_TEAMS).ok
    assert say(first, "neste", user="aad-inga", channel=IN_TEAMS, organisation=TENANT).ok
    assert first.say("dato høst agder 19. november 2026", as_=KARI_TEAMS, platform="teams", channel=AGDER_TEAMS).ok
    # A restart: a new process on the same store; Inga has not spoken since.
    second = make_bot(at=oslo(2026, 11, 23, 11), store=TinyDBStore(tmp_path))
    done = second.say(
        "referat høst agder 2026 Godt møte. oppfølging: sende tall <@aad-inga> innen 4. desember bekreft",
        as_=KARI_TEAMS,
        platform="teams",
        channel=AGDER_TEAMS,
    )
    assert done.ok and "Aad-Inga" in done.text, done.text
    refused = second.say(
        "referat høst agder 2026 Godt møte. oppfølging: sende tall <@aad-never> innen 4. desember bekreft",
        as_=KARI_TEAMS,
        platform="teams",
        channel=AGDER_TEAMS,
    )
    assert not refused.ok


def test_a_plain_read_of_someone_already_kept_writes_nothing(tmp_path: Path) -> None:
    store = TinyDBStore(tmp_path)
    bot = make_bot(at=oslo(2026, 11, 23, 10), store=store)
    assert bot.say(f"koble organisasjon {TENANT} IN", as_="admin").ok
    assert say(bot, "neste", user="aad-inga", channel=IN_TEAMS, organisation=TENANT).ok
    kept = store.version(PARTITION)
    assert say(bot, "neste", user="aad-inga", channel=IN_TEAMS, organisation=TENANT).ok
    again = make_bot(at=oslo(2026, 11, 23, 11), store=TinyDBStore(tmp_path))  # a restart reads, never writes
    assert say(again, "neste", user="aad-inga", channel=IN_TEAMS, organisation=TENANT).ok
    assert TinyDBStore(tmp_path).version(PARTITION) == kept
    # Met anew without an organisation (a guest, a roster not read): forgotten, in the store too.
    assert say(again, "status agder", user="aad-inga", channel=IN_TEAMS).ok
    assert not TinyDBStore(tmp_path).read(PARTITION).get("met")


def test_new_people_of_an_unbound_organisation_write_nothing_when_they_read(tmp_path: Path) -> None:
    """Every Slack request carries its workspace and every Teams one its tenant; only an organisation bound to a
    party names anyone, so only such a person is kept. Keeping everyone made each new person's first `neste` a
    durable write (issue 21's «no read writes»: the final benchmark of stop 28 found Slack `neste` from new
    people at 3.2–7.9× bare Bolt and 16 clients at 138 req/s before this)."""
    store = TinyDBStore(tmp_path)
    bot = make_bot(at=oslo(2026, 11, 23, 10), store=store)
    assert bot.say("neste", as_="kari", channel="agder").ok  # the bot's own first look settled
    before = {name: store.version(name) for name in store.partitions()}
    for n in range(5):
        assert say(bot, "neste", user=f"new-{n}", channel=IN_TEAMS, organisation=f"T0UNBOUND{n}").ok
    assert {name: store.version(name) for name in store.partitions()} == before
    assert PARTITION not in store.partitions()
