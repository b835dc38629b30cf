"""Walk 3's findings 12 and 17, driven as a person would."""

from __future__ import annotations

from tests.driver import make_bot, oslo


def test_rebinding_the_national_channel_asks_first_and_names_what_it_is() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    before = bot.snapshot()
    asked = bot.say("koble region vestland", as_="admin", channel="nasjonal")
    assert not asked.ok and "den nasjonale kanalen" in asked.text and "«bekreft»" in asked.text, asked.text
    assert "kanalen til Vestland fylkeskommune" in asked.text, asked.text
    assert bot.snapshot() == before
    assert bot.say("neste", as_="aud", channel="nasjonal").ok
    assert "Vestland" not in bot.say("neste", as_="aud", channel="nasjonal").title
    done = bot.say("koble region vestland bekreft", as_="admin", channel="nasjonal")
    assert done.title == "Kanalen er kopla", done.text  # in the channel's new form, Vestland's (walk 20 F-g)
    assert bot.snapshot() != before


def test_rebinding_asks_in_nynorsk_with_stadfest_in_a_nynorsk_channel() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    asked = bot.say("koble region agder", as_="admin", channel="vestland")
    assert not asked.ok and "«stadfest»" in asked.text and "Vestland fylkeskommune" in asked.text, asked.text
    before = bot.snapshot()
    assert bot.say("koble region agder stadfest", as_="admin", channel="vestland").ok
    assert bot.snapshot() != before


def test_an_unbound_channel_is_bound_without_a_question() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    assert bot.say("koble region agder", as_="admin", channel="ny-kanal").title == "Kanalen er koblet"


def test_the_malform_help_after_malform_nb_comes_in_bokmal_at_once() -> None:
    bot = make_bot(at=oslo(2026, 9, 14, 9))
    assert bot.say("målform nb", as_="per", channel="vestland").ok
    help_ = bot.say("målform", as_="per", channel="vestland")
    assert "svarene som bare du ser" in help_.text and "bokmål for deg" in help_.text, help_.text
    assert bot.say("målform nn", as_="kari", channel="agder").ok
    help_ = bot.say("målform", as_="kari", channel="agder")
    assert "svara som berre du ser" in help_.text, help_.text


def test_a_receipt_names_no_storage_id_and_says_an_empty_history_plainly() -> None:
    """Finding 4: «Partisjon: cycle/vestland/2027» and a chain sentence about nothing, before anything is stored."""
    bot = make_bot(at=oslo(2026, 9, 14, 9))
    for who, channel, plain, chain in (
        ("per", "vestland", "ingen enno – ingenting er registrert her", "Kjeda"),
        ("kari", "agder", "ingen ennå – ingenting er registrert her", "Kjeden"),
    ):
        receipt = bot.say("kvittering", as_=who, channel=channel)
        assert receipt.ok, receipt.text
        assert "cycle/" not in receipt.text and "Partisjon" not in receipt.text, receipt.text
        assert plain in receipt.text and chain not in receipt.text, receipt.text
        assert "syklus 2027" in receipt.text, receipt.text


def test_a_second_join_request_waits_for_the_first_and_the_admin_hears_the_commands() -> None:
    """Finding 16: nina asks for IN, then for Agder; the late approval named no command to the administrator."""
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    assert bot.say("bli med IN", as_="nina", channel="in", user_name="Nina Ny").ok
    before = bot.snapshot()
    second = bot.say("bli med agder", as_="nina", channel="agder", user_name="Nina Ny")
    assert not second.ok and "Innovasjon Norge" in second.text and "forespørsel 1" in second.text, second.text
    assert "opptak nei 1" in second.text, second.text
    assert bot.snapshot() == before
    assert bot.say("person @nina agder rådgiver", as_="admin").ok
    # Walk 18 F1: the role given with `person` settles the request; a late answer says so and changes nothing.
    before = bot.snapshot()
    late = bot.say("opptak ja 1", as_="admin")
    assert not late.ok and "rådgiver for Agder" in late.text and "avgjort" in late.text, late.text
    assert bot.snapshot() == before
    assert bot.say("forlat agder @nina", as_="admin").ok
    assert not bot.say("opptak ja 1", as_="admin").ok
