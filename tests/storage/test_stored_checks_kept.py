"""What `bot.state.stored` found right is kept by the stored object's identity (a `neste` reads ~100
documents): a value damaged afterwards, in a new version of the partition, is still refused by name, and
mended, it answers again. In one process, which a fresh `chat` per case (test_operator_stored_values)
does not show."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage import TinyDBStore
from tests.driver import make_bot, oslo, record_all_preconditions, register_text

PARTITION = "cycle/agder/2027"
DAMAGED = "En del av lagringen kan ikke brukes"


@pytest.mark.parametrize(
    ("table", "key", "field", "bad"),
    [("signatures", "IN", "at", 5), ("milestones", "draft-political", "outcome", "Vedtatt")],
)
def test_a_value_damaged_after_it_was_read_right_is_refused_and_mended(
    table: str, key: str, field: str, bad: object, tmp_path: Path
) -> None:
    with TinyDBStore(tmp_path / "data") as store:
        bot = make_bot(at=oslo(2027, 1, 5, 9), store=store)
        record_all_preconditions(bot, year=2027)
        register_text(bot, year=2027)
        for party, who in (("agder", "kari"), ("IN", "ola")):
            assert bot.say(f"signer {party} agder 2027", as_=who).ok
        before = [bot.say(command, as_="kari").text for command in ("neste", "status agder 2027")]
        assert not any(DAMAGED in text for text in before), before
        with store.update(PARTITION) as tables:
            good = tables[table][key][field]
            tables[table][key][field] = bad
        damaged = [bot.say(command, as_="kari").text for command in ("neste", "status agder 2027")]
        assert all(DAMAGED in text for text in damaged), damaged
        with store.update(PARTITION) as tables:
            tables[table][key][field] = good
        assert [bot.say(command, as_="kari").text for command in ("neste", "status agder 2027")] == before
