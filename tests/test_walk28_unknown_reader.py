"""Walk 28 F4: an unknown person's `hvem` (members only, writes nothing) is refused for what it is, not with
«men ikke registrere», in both written forms; a write's refusal keeps its words."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.test_organisations import say


@pytest.mark.parametrize(
    ("form", "said"), [("nb", "svarer bare dem som er med"), ("nn", "svarar berre dei som er med")]
)
def test_an_unknown_persons_hvem_is_refused_as_a_members_only_read(form: str, said: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    if form == "nn":
        assert bot.say("målform kanal nn", as_="admin", channel="agder").ok
    before = bot.snapshot()
    who = bot.say("hvem agder", as_="nora", channel="agder")
    assert not who.ok and said in who.text and "registrere" not in who.text, who.text
    assert "«hvem»" in who.text and [b.command for b in who.buttons] == ["bli med agder"]
    write = say(bot, "dato vår agder 22. april 2027", user="aad-nora", channel="agder")
    assert not write.ok and "registrere" in write.text
    assert bot.snapshot() == before
