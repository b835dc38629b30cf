"""Walk 19 F3: a receipt's «Siste hash» can be checked, and a signed agreement's receipt does not change when
the cycle's later records arrive. The receipt covers the cycle's history up to the agreement's last change
(its text or a signature); `python -m bot verify <hash>` says whether that hash is still an entry of a chain
with everything before it unchanged, and not once the history it came from is rewritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from adapters.cli import main
from bot.state import chain
from storage.tinydb_store import TinyDBStore
from tests.driver import make_bot, oslo, record_all_preconditions

ROOT = Path(__file__).resolve().parent.parent
AGDER = "cycle/agder/2027"


def _head(text: str) -> str:
    return next(line for line in text.splitlines() if "Siste hash" in line).split()[-1]


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("SAMHANDLING_DB", str(tmp_path / "db"))
    monkeypatch.setenv("SAMHANDLING_CONFIG", str(ROOT / "app.yaml"))

    def run(*args: str) -> tuple[int, str]:
        code = main(list(args))
        return code, capsys.readouterr().out

    return run


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
