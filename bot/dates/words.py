"""The words of Norwegian dates (bokmål, nynorsk and keyboards without æøå), and the text clean-up
that lets the date rules in `bot.dates.grammar` match whole phrases instead of guessing from fragments.
"""

from __future__ import annotations

import itertools
import logging
import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from bot.dates.english import in_norwegian
from bot.dates.found import short_year

logger = logging.getLogger(__name__)

WEEKDAY_NAMES = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
MONTH_NAMES = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)  # fmt: skip

WEEKDAYS: dict[str, int] = {name: i for i, name in enumerate(WEEKDAY_NAMES)} | {
    "måndag": 0, "tysdag": 1, "laurdag": 5, "sundag": 6,  # nynorsk
    "tosdag": 3, "tossdag": 3, "tisdag": 1,  # Sogn and Bergen, and «tisdag» as Swedes and the east say it (dates19)
    "man": 0, "mån": 0, "tir": 1, "tirs": 1, "tys": 1, "ons": 2, "tor": 3, "tors": 3,
    "fre": 4, "lør": 5, "laur": 5, "søn": 6, "sun": 6,
}  # fmt: skip
# Outlook's and Teams' short weekdays in front of a date ("to. 10.12", "må 14.12.", "ti. 15.12"): only there,
# since "to", "on" and "ti" are ordinary words on their own.
PREFIX_WEEKDAYS: dict[str, int] = WEEKDAYS | {
    "ma": 0, "må": 0, "ti": 1, "ty": 1, "on": 2, "to": 3, "fr": 4, "lø": 5, "la": 5, "sø": 6, "su": 6,
}  # fmt: skip
# An English Outlook's weekdays in front of a Norwegian date («Thu 22.04.2027 09:00»), checked like ours.
# "fri" and "sat" are Norwegian words («fri 22.4» is a day off), so they are not among them; "mon" («mon tro») is
# never followed by a date.
PREFIX_WEEKDAYS |= {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2, "thu": 3, "thur": 3, "thurs": 3,
    "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
MONTHS: dict[str, int] = {name: i + 1 for i, name in enumerate(MONTH_NAMES)} | {
    "jan": 1, "feb": 2, "febr": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "des": 12,
}  # fmt: skip
# An English Outlook's or Teams' invitation, copied: «Tuesday, April 13, 2027 10:00 AM-2:00 PM».
MONTHS |= {
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10, "december": 12,
    "oct": 10, "dec": 12,
}  # fmt: skip
NUMBERS: dict[str, int] = {
    "en": 1, "ein": 1, "ei": 1, "ett": 1, "eitt": 1, "én": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5,
    "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12,
    "tretten": 13, "fjorten": 14, "femten": 15, "seksten": 16, "sytten": 17, "atten": 18,
    "nitten": 19, "tjue": 20, "tjuefire": 24, "tretti": 30,
}  # fmt: skip
ORDINALS: dict[str, int] = {
    "første": 1, "fyrste": 1, "andre": 2, "annen": 2, "annan": 2, "tredje": 3, "fjerde": 4, "femte": 5,
    "1.": 1, "2.": 2, "3.": 3, "4.": 4, "5.": 5,
}  # fmt: skip
# The day of a month as a word ("andre desember", "den tjueførste mai"); bokmål, then nynorsk where it differs.
_UNIT_ORDINALS = (
    ("første", "fyrste"), ("andre",), ("tredje",), ("fjerde",), ("femte",), ("sjette",),
    ("sjuende", "syvende", "sjuande"), ("åttende", "åttande"), ("niende", "niande"),
)  # fmt: skip
_TEEN_ORDINALS = (
    ("tiende", "tiande"), ("ellevte",), ("tolvte",), ("trettende", "trettande"), ("fjortende", "fjortande"),
    ("femtende", "femtande"), ("sekstende", "sekstande"), ("syttende", "syttande"), ("attende", "attande"),
    ("nittende", "nittande"),
)  # fmt: skip


def _day_ordinals() -> dict[str, int]:
    words: dict[str, int] = {}
    for n, forms in enumerate(_UNIT_ORDINALS, start=1):
        words |= dict.fromkeys(forms, n)
    for n, forms in enumerate(_TEEN_ORDINALS, start=10):
        words |= dict.fromkeys(forms, n)
    words |= {"tjuende": 20, "tjuande": 20, "tyvende": 20, "trettiende": 30, "trettiande": 30, "tredevte": 30}
    for tens, value, last in (("tjue", 20, 9), ("tretti", 30, 1)):
        for n, forms in enumerate(_UNIT_ORDINALS[:last], start=1):
            for form in forms:
                words |= {f"{tens}{form}": value + n, f"{tens}-{form}": value + n}
    return words


DAY_ORDINALS: dict[str, int] = _day_ordinals()
DAY_UNITS = ("dag", "dager", "dagar", "døgn")
WEEK_UNITS = ("uke", "uker", "uka", "ukene", "veke", "veker", "veka", "vekene", "veku")
MONTH_UNITS = ("måned", "måneder", "måneden", "månad", "månader", "månaden", "mnd")
WORKDAY_WORDS = ("arbeidsdag", "arbeidsdagen", "virkedag", "virkedagen", "yrkedag", "yrkedagen", "kontordag")
HOUR_UNITS = ("time", "timer", "timar", "t")
RELATIVE_DAYS: dict[str, int] = {
    "i dag": 0, "idag": 0, "i kveld": 0, "ikveld": 0, "i kveldt": 0, "i ettermiddag": 0,
    "i formiddag": 0, "i føremiddag": 0,
    "i morgen": 1, "imorgen": 1, "i morgon": 1, "imorgon": 1, "i morra": 1, "imorra": 1, "i mårå": 1,
    "i morgo": 1, "imorgo": 1, "i mårra": 1, "i mårrå": 1,  # northern and western spellings (dates16)
    "i morn": 1, "imorn": 1, "imårå": 1, "i morgå": 1, "imorgå": 1, "i mårgå": 1,  # Sunnmøre and Bergen (dates17)
    "i overmorgen": 2, "i overmorgon": 2, "overimorgen": 2, "overimorgon": 2, "i overmorra": 2,
    "iovermorgen": 2, "iovermorgon": 2, "iovermorra": 2, "overmorgen": 2, "overmorgon": 2,
    "overmorra": 2, "i overmorgo": 2, "overmorgo": 2, "iovermorgo": 2,
    "i overmårå": 2, "iovermårå": 2, "overmårå": 2,  # Bergen (dates19)
    "i går": -1, "igår": -1, "i forgårs": -2, "iforgårs": -2,
}  # fmt: skip
# «i dag åtte dagar», «i dag 14 dager»: today's weekday a week (or two) on, as western Norway says it (dates19).
RELATIVE_DAYS |= {
    f"i dag {count} {unit}": days
    for count, days in (("åtte", 7), ("8", 7), ("fjorten", 14), ("14", 14))
    for unit in ("dager", "dagar")
}
WEEK_SHIFT: dict[str, int] = {
    "denne": 0, "neste": 1, "kommende": 1, "komande": 1, "forrige": -1, "førre": -1,
}  # fmt: skip
# «førstkommende fredag», «fredag førstkomande», «fyrstkomande måndag»: the coming one.
COMING_WORDS = (
    "førstkommende", "førstkomande", "førstkommande", "fyrstkomande", "fyrstkommande", "fyrstkommende",
    "kommende", "komande", "kommande",
)  # fmt: skip
# Words that only frame a date ("innen 31. mars" is the date itself for a meeting's plan).
DEADLINE_WORDS = (
    "innen", "innan", "senest", "seinast", "frist", "fristen", "før", "deadline", "ikke senere enn", "til og med",
    "ikkje seinare enn", "ikkje seinere enn", "ikke seinere enn", "ikke etter", "ikkje etter",
    "t.o.m.", "t.o.m", "tom", "fram til", "frem til",
)  # fmt: skip
# What is due, said before a deadline word («svar innen 24.3», «innspel innan 1. mars»): no part of the date.
DUE_WORDS = (
    "svar", "svaret", "tilbakemelding", "tilbakemeldinga", "tilbakemeldingen", "tilbakemeldinger",
    "tilbakemeldingar", "innspel", "innspela", "innspill", "innspillet", "innspillene", "kommentarer",
    "kommentarar", "merknader", "merknadar", "utkast", "utkastet", "rapport", "rapporten", "påmelding",
    "påmeldinga", "påmeldingen", "levering", "leveranse", "husk", "hugs", "husk på", "hugs på",
)  # fmt: skip
# Words that only open a date («fra 22.4 kl 10», «f.o.m. 22. april»): the date is the day it starts.
FROM_WORDS = ("fra", "frå", "fra og med", "frå og med", "f.o.m.", "f.o.m", "fom", "fom.")
_OTHER_WORDS = (
    "på", *COMING_WORDS, "førre", "påske", "påskedag",
    "påskeaften", "påskeaftan", "skjærtorsdag", "palmesøndag", "palmesundag", "nyttårsaften",
    "nyttårsaftan", "nyttårsdag", "lillejulaften", "lillejulaftan", "første", "fyrste", "går", "forgårs",
    "grunnlovsdag", "grunnlovsdagen", "sankthansaften", "sankthansaftan", "sankthans", "første", "før",
    "neste", "måned", "tidlig", "tidleg", "fyrst", "igår", "iforgårs", "igar", "kveld",
    "påsken", "påska", "påskeuka", "olsok", "jonsok", "romjul", "romjula", "arbeidsdag", "virkedag", "påskeuken", "påskeveka", "etter", "først", "sist", "byrjinga", "føremiddag",
)  # fmt: skip


def _ascii_spellings(word: str) -> set[str]:
    """People without Norwegian keyboards write "lordag", "paa", "maandag", "skjaertorsdag"."""
    options = {"å": ("aa", "a"), "ø": ("o", "oe"), "æ": ("ae", "e"), "é": ("e",)}
    parts = [options.get(ch, (ch,)) for ch in word]
    return {"".join(combo) for combo in itertools.product(*parts)} - {word}


_VOCABULARY = [
    *WEEKDAYS, *MONTHS, *NUMBERS, *ORDINALS, *DAY_ORDINALS, *DAY_UNITS, *WEEK_UNITS, *MONTH_UNITS, *_OTHER_WORDS,
    *DEADLINE_WORDS,
]  # fmt: skip
_PROTECTED = {"to", "en", "ti", "for", "om", "i", "t", "man", "tor", "sun", "mar", "jul"}
SPELLING: dict[str, str] = {
    variant: word
    for word in _VOCABULARY
    for variant in _ascii_spellings(word)
    if variant not in _VOCABULARY and variant not in _PROTECTED  # "mandag" is a word of its own
}


_FRAME_WORDS = frozenset({"år", "året", "neste", "denne", "dette", "forrige", "kl", "klokka", "klokken", "morgen"})
_DATE_WORDS = frozenset({*_VOCABULARY, *SPELLING, *PREFIX_WEEKDAYS, *WEEK_SHIFT, *_FRAME_WORDS})


# «22. april i år», «22. april d.å.», «23. d.m.», «uke 16 neste år»: this year, next year, this month.
_THIS_YEAR_RE = re.compile(r"(?<=\S)\s+(?:i\s+år|d\.\s?å\.?|dette\s+år(?:et)?|inneverande\s+år|inneværende\s+år)$")
_NEXT_YEAR_RE = re.compile(r"(?<=\S)\s+(?:(?:til\s+)?neste\s+år|neste\s+året|året\s+etter)$")
_THIS_MONTH_RE = re.compile(r"(?<=[0-9.])\s*(?:d\.\s?m\.?|(?:i\s+)?denne\s+(?:måned|månad)(?:en)?)$")


# «13. april -27», «april -28»: a month's name with the year's last two digits after a dash.
_SHORT_YEAR_RE = re.compile(r"(?<=[^\W\d_])\.?\s+-\s?([0-9]{2})(?=$|\s+(?:kl\b|[0-9]))")
# «13.4.-27», «13.4 -27»: a day and month in numbers with the year's last two digits after a dash («22.-23. april»
# and «13.4-15.4» are two days, never a year).
_SHORT_NUMERIC_YEAR_RE = re.compile(r"(?<![0-9.])([0-9]{1,2}\.[0-9]{1,2})(?:\.\s?|\s)-\s?([0-9]{2})(?![0-9.:])")

# «2027, 20. januar», «2027 20.1 kl 10»: the year first, as a heading or a form puts it, is the date's year.
_YEAR_FIRST_RE = re.compile(
    r"^(20[0-9]{2})\s*,?\s+((?:[^\W\d_]+\s+)?(?:den\s+)?[0-9]{1,2}(?:\.\s*[^\W\d_]+|[./][0-9]{1,2})\.?)(?=\s|,|$)"
)


# «første arbeidsdag i det nye året», «fyrste måndag i det nye året»: the first of the coming year's January (in
# January itself, this one's); «i det nye året» alone stays no day.
_NEW_YEAR_FIRST_RE = re.compile(r"^((?:første|fyrste|1\.)\s+[^\W\d_]+\s+i)\s+det\s+nye\s+året$")


def with_years(s: str, *, today: date) -> str:
    """A normalized phrase with «i år», «d.å.», «neste år», «d.m.» and «-27» written as the year (and month) they
    are, and a year typed first («2027, 20. januar») after its date."""
    s = _YEAR_FIRST_RE.sub(r"\2 \1", s)
    s = _NEW_YEAR_FIRST_RE.sub(lambda m: f"{m.group(1)} januar {today.year + (today.month > 1)}", s)
    s = _SHORT_YEAR_RE.sub(lambda m: f" {short_year(m.group(1), today=today)}", s)
    s = _SHORT_NUMERIC_YEAR_RE.sub(lambda m: f"{m.group(1)}.{short_year(m.group(2), today=today)}", s)
    s = _THIS_MONTH_RE.sub(f" {MONTH_NAMES[today.month - 1]} {today.year}", s)
    s = _THIS_YEAR_RE.sub(f" {today.year}", s)
    return _NEXT_YEAR_RE.sub(f" {today.year + 1}", s)


def is_date_word(word: str) -> bool:
    """Whether a (lower-case) word can say which day is meant: such a word is never cut as a label or a place."""
    return word in _DATE_WORDS


def alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first, so "tirsdag" wins over "tir" and "sept" over "sep"."""
    return "|".join(sorted(map(re.escape, set(words)), key=len, reverse=True))


_WORD_RE = re.compile(r"[^\W\d_]+")
_SPACE_RE = re.compile(r"\s+")
_ISO_T_RE = re.compile(r"([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})t(?=[0-9])")
# «2027.04.13»: the year first with points, as some registers and spreadsheets print it, is the ISO date.
# «2027.04.13», «2027/04/13»: a year first with points or slashes is ISO's order (dates17: the slashes)
_DOTTED_ISO_RE = re.compile(r"(?<![0-9./])(20[0-9]{2})([./])([0-9]{1,2})\2([0-9]{1,2})(?![0-9/])\.?")
_DOT_WORD_RE = re.compile(r"(?<=[0-9])\.(?=[^\W\d_])")
_WORD_DOT_RE = re.compile(r"(?<=[^\W\d_]{2})\.(?=[0-9])")  # «tirs.13.apr», «kl.10»
_DIGIT_KL_RE = re.compile(r"(?<=[0-9])kl(?=[\s.0-9]|$)")
_NOISE_RE = re.compile(r"[!?\"'«»()\[\]{}*_~`]+")
# «16de mars», «1ste mai», «24.de august», «3dje», «10ende» (digits with «tiende»'s ending), English «13th April»: a day written with its ordinal's ending.
_ORDINAL_END_RE = re.compile(r"(?<![0-9])([0-9]{1,2})\.?(?:ende|ande|ste|dre|dje|nde|de|te|re|st|nd|rd|th)(?=\s|$|,)")
# «20-jan-27», «20-JAN-2027», «13-apr»: a day, a month's short name and a year joined by dashes (web forms, Oracle and
# Excel exports) are «20. jan 2027»; the middle must be a month («3-ukers-kurs» stays as typed).
_DASHED_MONTH_RE = re.compile(r"(?<![0-9-])([0-9]{1,2})-([^\W\d_]{3,9})\.?(?:-([0-9]{4}|[0-9]{2}))?(?![0-9-])")
# «ons. uke 19», «tirs. neste uke»: a short weekday's point is no part of the date, as «ons uke 19» shows.
_WEEKDAY_DOT_RE = re.compile(r"(?:^|(?<=\s))([^\W\d_]{2,4})\.(?=\s|$)")


# «engang i januar», «i mars eingong»: «en gang» typed as one word, as people often do.
_ONE_WORD_ONCE = "engang|eingong|eingang"
# «ein dag i juni», «en gang før jul», «i august en gang», «tidlig i mars en gang» (any words ending in a month, its
# part read by the rules: dates21): some day of a month, asked about as the month; only before a
# month's name or «før jul» («en dag i neste uke», «ein dag i jula» stay vague).
_SOME_DAY_RE = re.compile(
    rf"^(?:(?:en|ein)\s+(?:gang|gong|dag)|{_ONE_WORD_ONCE})\s+(?=(?:i\s+(?:{'|'.join(MONTH_NAMES)})|før\s+(?:jul|jula|julen))(?:\s|$))"
)
_SOME_TIME_END_RE = re.compile(
    rf"^((?:.*\s)?(?:{'|'.join(MONTH_NAMES)})|før\s+(?:jul|jula|julen))\s+(?:(?:en|ein)\s+(?:gang|gong)|{_ONE_WORD_ONCE})$"
)
# «i ettermiddag en gang», «fredag ein gong», «i morgon engang»: some time of one day is that day (a week's or a
# month's «en gang» is read by the rules above: a month asked, «neste uke en gang» vague).
_DAY_ONCE_RE = re.compile(
    rf"^((?:.*\s)?(?:{'|'.join(sorted({k.split()[-1] for k in RELATIVE_DAYS} | set(WEEKDAYS)))}"
    rf"|formiddag|føremiddag|ettermiddag|kveld))\s+(?:(?:en|ein)\s+(?:gang|gong)|{_ONE_WORD_ONCE})$"
)
# «innan utgangen av januar månad», «i mars måned»: the word «month» after a month's name says nothing more.
_MONTH_WORD_RE = re.compile(rf"(?<![^\s])({'|'.join(MONTH_NAMES)})\s+(?:måned|månad|mnd\.?)(?=\s|$|[,.])")
# «innen 1. mars, takk», «frist fredag pls»: thanks and a plea after the date say nothing of the day.
_THANKS_END_RE = re.compile(r"(?:\s*,\s*|\s+)(?:(?:tusen\s+)?takk|takk\s+(?:skal\s+du|de)\s+ha|pls|please|plz)$")
# «fredag 19/11 kl 12 (frist)», «1.3 – frist»: the deadline said after the date is no other day.
_DUE_END_RE = re.compile(r"(?:\s*[,-]\s*|\s+)(?:frist|fristen|svarfrist|deadline)$")
# «28th of September»: the English «of» between an ordinal day and its month.
_OF_MONTH_RE = re.compile(rf"(?<=[0-9]\.)\s+of\s+(?=(?:{'|'.join(MONTH_NAMES)}|[^\W\d_]{{3,9}})(?:\s|$|\.))")
# «tysdag10. august», «fre10.3»: a weekday of three letters or more typed onto its day's number is two words («v14»,
# «kl10» are read by their own rules; «to.17.12» by the point after a word).
_WEEKDAY_DIGIT_RE = re.compile(r"(?:^|(?<=\s))([^\W\d_]{3,8})(?=[0-9])")


# «Fri 12 Nov 2027 10:00 AM - 12:00 PM»: "fri" and "sat" are English weekdays in front of a copy that is plainly
# English (a twelve-hour time or an English month), never in Norwegian («fri 12. nov» is a day off).
_ENGLISH_FRI_RE = re.compile(r"^(fri|sat)\.?(?=[\s,])")
_ENGLISH_COPY_RE = re.compile(
    r"[0-9]\s*[ap]\.?\s?m\b|\b(?:january|february|march|may|june|july|october|december|oct|dec)\b"
)


@lru_cache(maxsize=256)
def normalize(text: str) -> str:
    """Lower case, one spelling per word, single spaces, no decoration around the phrase. Kept per text: a
    `dato` reads its phrase three times (the grammar, a removal, a time alone), ~20 regex passes each."""
    s = in_norwegian(unicodedata.normalize("NFKC", text).lower().strip())
    if _ENGLISH_FRI_RE.match(s) and _ENGLISH_COPY_RE.search(s):
        s = _ENGLISH_FRI_RE.sub(lambda m: {"fri": "friday", "sat": "saturday"}[m.group(1)], s, count=1)
    s = s.replace("\u2013", "-").replace("\u2014", "-").replace("\u2212", "-")
    s = _NOISE_RE.sub(" ", s)
    s = _ISO_T_RE.sub(r"\1 ", s)
    s = _DOTTED_ISO_RE.sub(r"\1-\3-\4", s)
    s = _OF_MONTH_RE.sub(" ", _ORDINAL_END_RE.sub(r"\1.", s))
    s = _DOT_WORD_RE.sub(". ", s)
    s = _WORD_DOT_RE.sub(". ", s)  # "1.påskedag", "3.des" read as "1. påskedag", "3. des"
    s = _DIGIT_KL_RE.sub(" kl", s)  # «19.03.2027kl 09:00»
    s = _WORD_RE.sub(lambda m: SPELLING.get(m.group(), m.group()), s)
    s = _DASHED_MONTH_RE.sub(_dashed_month, s)
    s = _WEEKDAY_DOT_RE.sub(lambda m: m.group(1) if m.group(1) in WEEKDAYS else m.group(), s)
    s = _WEEKDAY_DIGIT_RE.sub(lambda m: m.group(1) + " " if m.group(1) in WEEKDAYS else m.group(), s)
    s = _SPACE_RE.sub(" ", s).strip(" ,;:")
    s = _DUE_END_RE.sub("", _THANKS_END_RE.sub("", s)).strip(" ,;:")
    s = _MONTH_WORD_RE.sub(r"\1", s)
    s = _DAY_ONCE_RE.sub(r"\1", _SOME_TIME_END_RE.sub(r"\1", _SOME_DAY_RE.sub("", s)))
    s = re.sub(r"(?<=[^\W\d_])\.+$|(?<=\s20[0-9]{2})\.$", "", s)  # «… 2027.» ends a sentence
    return re.sub(r"(?<=[0-9.])\.{2,}$", "", s).strip()  # "22.4...", "22.4…" (an ellipsis after NFKC)


def _dashed_month(m: re.Match[str]) -> str:
    """ "20-jan-27" as "20. jan -27" when the middle is a month: `with_years` reads a two-digit year as
    `short_year` does every other («20-jan-72» is 1972, refused, never 2072)."""
    day, month, year = m.groups()
    if month not in MONTHS:
        return m.group()
    if year is None:
        return f"{day}. {month}"
    return f"{day}. {month} {'-' + year if len(year) == 2 else year}"
