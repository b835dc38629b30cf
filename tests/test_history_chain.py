"""The history as a hash chain: every entry links to the one before it, `verify` finds a hand edit (naming
partition and time), old entries without hashes are "legacy", and `serve` reports a broken chain."""

from __future__ import annotations

import asyncio
import itertools
import json
from pathlib import Path

import aiohttp
import pytest

from adapters.cli import main
from adapters.server import ALERTS, SENDERS, build_app
from bot.state import chain
from storage.tinydb_store import TinyDBStore
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions
from tests.helpers import FakeSender, serving

ROOT = Path(__file__).resolve().parent.parent
AGDER = "cycle/agder/2027"


def busy_store(tmp_path: Path) -> BotDriver:
    bot = make_bot(at=oslo(2027, 1, 12, 9), store=TinyDBStore(tmp_path / "db"))
    record_all_preconditions(bot, year=2027)
    bot.say("signer", as_="kari")
    bot.core.store.close()
    return bot


def edit_file(tmp_path: Path, partition: str, change) -> None:
    path = tmp_path / "db" / f"{partition}.json"
    db = json.loads(path.read_text())
    change(db["history"])
    path.write_text(json.dumps(db))


def entry(history: dict, index: int) -> dict:
    return next(doc for doc in history.values() if doc["_key"] == f"{index:06d}")


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("SAMHANDLING_DB", str(tmp_path / "db"))
    monkeypatch.setenv("SAMHANDLING_CONFIG", str(ROOT / "app.yaml"))

    def run(*args: str) -> tuple[int, str]:
        code = main(list(args))
        return code, capsys.readouterr().out

    return run


def test_every_entry_links_to_the_one_before_on_the_memory_store() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    history = bot.core.state.history(AGDER)
    assert history[0]["prev"] is None
    assert all(later["prev"] == chain.digest(earlier) for earlier, later in itertools.pairwise(history))
    assert all(item["hash"] == chain.digest(item) for item in history)
    reports = bot.core.state.verify_all()
    assert {r.partition for r in reports} == {AGDER, "national/2027"} and all(r.ok for r in reports)


def test_a_clean_store_verifies(tmp_path: Path, cli) -> None:
    busy_store(tmp_path)
    code, out = cli("verify")
    assert code == 0 and "Historikken er i orden: 2 partisjoner" in out


@pytest.mark.parametrize("index", [1, 3, -1])
def test_an_entry_edited_by_hand_is_found(tmp_path: Path, cli, index: int) -> None:
    busy_store(tmp_path)
    size = len(json.loads((tmp_path / "db" / f"{AGDER}.json").read_text())["history"])
    target = index % size

    def forge(history: dict) -> None:
        entry(history, target)["summary"] = "Signerte noe annet"

    edit_file(tmp_path, AGDER, forge)
    code, out = cli("verify")
    assert code == 1
    at = entry(json.loads((tmp_path / "db" / f"{AGDER}.json").read_text())["history"], target)["at"]
    assert f"BRUTT {AGDER}: oppføring {target} ({at}) stemmer ikke" in out
    assert "1 av 2 historikker er brutt" in out


def test_a_removed_entry_breaks_the_chain(tmp_path: Path, cli) -> None:
    busy_store(tmp_path)

    def drop(history: dict) -> None:
        key = next(k for k, doc in history.items() if doc["_key"] == "000002")
        del history[key]

    edit_file(tmp_path, AGDER, drop)
    code, out = cli("verify")
    assert code == 1 and f"BRUTT {AGDER}: oppføring 1 " in out


def test_entries_from_before_the_chain_are_legacy_not_broken(tmp_path: Path, cli) -> None:
    busy_store(tmp_path)

    def strip(history: dict) -> None:
        for doc in list(history.values())[:3]:
            doc.pop("prev"), doc.pop("hash")

    edit_file(tmp_path, AGDER, strip)
    code, _out = cli("verify")
    assert code == 1, "the fourth entry still links to the third as it was: stripping it shows"
    # A store written before the chain existed: the first chained entry links to the last legacy one.
    legacy = make_bot(at=oslo(2027, 1, 12, 9), store=TinyDBStore(tmp_path / "legacy"))
    record_all_preconditions(legacy, year=2027)
    legacy.core.store.close()
    path = tmp_path / "legacy" / f"{AGDER}.json"
    db = json.loads(path.read_text())
    for doc in db["history"].values():
        doc.pop("prev"), doc.pop("hash")
    path.write_text(json.dumps(db))
    store = TinyDBStore(tmp_path / "legacy")
    later = make_bot(at=oslo(2027, 1, 12, 10), store=store)
    later.say("signer", as_="kari")
    [report] = [r for r in later.core.state.verify_all() if r.partition == AGDER]
    assert report.ok and report.legacy == 3 and "chain starts at entry 3" in report.describe()
    store.close()


def test_serve_reports_a_broken_chain_on_healthz_and_to_the_national_channel(tmp_path: Path) -> None:
    busy_store(tmp_path)
    edit_file(tmp_path, AGDER, lambda history: entry(history, 1).update(name="Noen andre"))
    store = TinyDBStore(tmp_path / "db")
    bot = make_bot(at=oslo(2027, 1, 12, 9), store=store)
    terminal = FakeSender(platform="terminal", bot=bot)
    app = build_app(core=bot.core, environ={}, mounts=(), scheduler=False)
    app[SENDERS]["terminal"] = terminal

    async def ask() -> dict:
        async with serving(app) as url:
            async with aiohttp.ClientSession() as session, session.get(f"{url}/healthz") as response:
                assert response.status == 200
                health = await response.json()
            await app[ALERTS]
            return health

    health = asyncio.run(ask())
    store.close()
    assert health["status"] == "degraded" and health["history"]["ok"] is False
    assert health["history"]["broken"][0].startswith(f"{AGDER}: entry 1 (2027-01-")
    [(_, channel, alert)] = terminal.posts
    assert channel == "nasjonal" and alert.title == "Historikken er endret utenom boten"
    assert f"{AGDER}: oppføring 1" in alert.text


def test_removing_the_first_entries_is_found() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    history = bot.core.state.history(AGDER)
    report = chain.walk(partition=AGDER, entries=history[2:])
    assert not report.ok and report.broken_at == 0 and "removed" in report.describe()
    assert chain.walk(partition=AGDER, entries=history).ok


# Walk 19 F3: a receipt's «Siste hash» can be checked, and a signed agreement's receipt does not change when the
# cycle's later records arrive. The receipt covers the cycle's history up to the agreement's last change (its text
# or a signature); `verify <hash>` says whether that hash is still an entry of a chain with everything before it
# unchanged, and not once the history it came from is rewritten.


def _head(text: str) -> str:
    return next(line for line in text.splitlines() if "Siste hash" in line).split()[-1]


def test_a_signed_agreements_receipt_keeps_its_hash_and_verify_finds_it(tmp_path: Path, cli) -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9), store=TinyDBStore(tmp_path / "db"))
    record_all_preconditions(bot, year=2027)
    for person in ("kari", "ola", "siri", "nils", "rita"):
        assert bot.say("signer agder 2027", as_=person).ok
    signed = bot.say("kvittering agder 2027", as_="kari").text
    saved = _head(signed)
    record_all_preconditions(bot, year=2027, region="vestland")
    assert bot.say("signer vestland 2027", as_="per").ok
    nynorsk = bot.say("kvittering vestland 2027", as_="per").text
    assert "sist vart endra" in nynorsk and "python -m bot verify <hash>" in nynorsk, nynorsk
    bot.set_time(2027, 11, 19, 15)  # the autumn meeting of cycle 2027, ten months on
    assert bot.say("referat høstmøte Godt møte", as_="aud").ok
    assert bot.say("referat høst Godt møte", as_="kari").ok
    later = bot.say("kvittering agder 2027", as_="kari").text
    assert _head(later) == saved, later
    bot.core.store.close()
    code, out = cli("verify", saved)
    assert code == 0 and f"{saved[:12]} er oppføring" in out and "uendret" in out, out
    code, out = cli("verify", saved[:12])
    assert code == 0 and AGDER in out, out
    code, out = cli("verify", "0" * 64)
    assert code == 1 and "finnes ikke i noen kjede" in out, out


def test_a_rewritten_history_has_lost_the_saved_hash(tmp_path: Path, cli) -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9), store=TinyDBStore(tmp_path / "db"))
    record_all_preconditions(bot, year=2027)
    assert bot.say("signer agder 2027", as_="kari").ok
    saved = _head(bot.say("kvittering agder 2027", as_="kari").text)
    bot.core.store.close()
    path = tmp_path / "db" / f"{AGDER}.json"
    db = json.loads(path.read_text())
    entries = sorted(db["history"].values(), key=lambda doc: doc["_key"])
    previous = None
    for doc in entries:  # a forger who rewrites a summary and seals the whole chain again with fresh hashes
        doc["summary"] = doc["summary"] + " (endret)"
        doc.pop("hash")
        body = {k: v for k, v in doc.items() if k != "_key"}
        sealed = chain.seal(body, previous=previous)
        doc.update(sealed)
        previous = sealed
    path.write_text(json.dumps(db))
    code, out = cli("verify", saved)
    assert code == 1 and "finnes ikke i noen kjede" in out, out
