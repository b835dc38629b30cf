"""walk 20 F-b: `årshjul nasjonal` as text (the Teams card without a picture, a screen reader) says what the
picture's rings show: each regional item with its worst state and how many regions stand in each, and last
year's overdue items of this year's agreement carried into January, as a region's wheel lists them."""

from __future__ import annotations

import pytest

from tests.driver import signing_open

FORMS = {"nb": "regionene", "nn": "regionane"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_national_wheel_text_counts_the_regions_states(lang: str) -> None:
    bot = signing_open(region="agder")  # 5 January 2027, Agder's preconditions recorded
    for person in ("kari", "ola", "siri", "nils", "rita"):
        assert bot.say("signer agder 2027", as_=person).ok
    bot.set_time(2027, 2, 1, 9)
    bot.say(f"målform {lang}", as_="aud")
    reply = bot.say("årshjul nasjonal", as_="aud", channel="nasjonal")
    words = FORMS[lang]
    january = next(section.text for section in reply.sections if section.title in ("Januar",))
    assert f"– frist 31. januar 2027 – {words}: på overtid 14, ferdig 1" in january, january
    assert january.splitlines()[-1].startswith("! "), january  # the signing: late in 14 regions
    carried = [line for line in january.splitlines() if "frist 15. desember 2026" in line]
    assert carried and carried[0].startswith("! ") and f"{words}: på overtid 15" in carried[0], january
    assert all(line[:2] in ("! ", "○ ", "✓ ", "● ", "◐ ", "– ", "⊘ ") for line in january.splitlines()), january
