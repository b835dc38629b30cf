"""The date in a phrase pasted from an e-mail, a calendar or a chat, with what only frames it taken away.

Civil servants paste more than the date: a signature under it («…\\n\\nMed vennlig hilsen\\nKari»), a label
in front («Forslag:», «Når:», «Ny dato:»), Outlook's time zone after it («(CET)», «(UTC+01:00) Amsterdam,
Berlin, …»), a place («på Scandic», «i Bodø») and emoji. None of these changes which day is meant, so they
are cut before the grammar reads the phrase; a word that could change the day (a weekday, a month, «neste»)
is never cut, and text in front of a date without a label's colon («møtet 3. mars») stays noise.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache

from bot.dates.boilerplate import without_boilerplate
from bot.dates.ics import ics_start
from bot.dates.labelled import LABELS
from bot.dates.named_days import feast_week_words, named_day_words
from bot.dates.words import PREFIX_WEEKDAYS, WEEKDAYS, is_date_word

logger = logging.getLogger(__name__)

MAX_PASTED = 600
"""A pasted message with its signature: longer text is not a date and is not read at all."""

# A sign-off starts the signature, a quoted header («Fra:», «Sendt:») or «--» line the text replied to: what
# comes from there on goes.
_SIGN_OFF_RE = re.compile(
    r"(?:^|\s)(?:(?:med\s+)?(?:vennlig|vennleg|venleg|beste|hjertelig)\s+(?:hilsen|helsing)"
    r"|mvh|m\.v\.h\.?|hilsen|helsing|sendt\s+fra|sendt\s+frå|hent\s+outlook|get\s+outlook)(?=$|[\s,.!:])"
    r"|\n[ \t]*(?:--|__|>|(?:fra|frå|from|sendt|sent|til|to|emne|subject)\s*:)",
    re.IGNORECASE,
)
# «Hei!», «Hei Kari,», «Hallo alle:» in front of the date.
_GREETING_RE = re.compile(
    r"^\s*(?i:hei|hallo|heisann|hei hei|god morgen|god dag|takk)(?:\s+(?i:alle|alle sammen)|\s+[A-ZÆØÅ][\w-]*)?"
    r"\s*[,!.:]+\s*"
)
# «ok tirs 10?», «ja, fredag kl 9», «greit – 3/3» (dates18): a chat's yes in front of the day it answers with.
_YES_RE = re.compile(r"^\s*(?i:ok|okei|okay|oki|ja|jepp|jada|greit|fint|supert|flott|topp)\b\s*[,!.:–-]*\s+(?=\S)")
# «Forslag:», «Ny dato:», «Tid og stad:»: up to four words and a colon in front of the date («Neste møte i RFF-styret:»:
# «Doodle-avstemning:»: a word joined by a hyphen, dates21).
_LABEL_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)?\.?"
_LABEL_RE = re.compile(rf"^\s*({_LABEL_WORD}(?:\s+{_LABEL_WORD}){{0,3}})(?:\s+[0-9]{{1,2}})?\s*:\s+")
# «Signeringsmøte (tysdag 19.1. kl 10)», «Møte – onsdag 20. januar»: a meeting's name, one word, set off by a
# bracket or a dash names the meeting the date is for; without them («møtet 3. mars», «fylkestinget 14. desember»)
# it stays noise, and a name of two words or more may say the day has been («Møtet vart halde (2. mars)»).
# «Dialogmøte vår», «Møte i AU», «AU-møte», «Samling med RFF»: the name with its season, or a party's or a place's
# capitalised name after «i»/«med»/«hos» (dates17); «møte i mars» stays noise.
_ONE_NAME = r"([^\W\d_]+(?:-[^\W\d_]+)?)"
_QUALIFIED = _ONE_NAME + r"(?:\s+(?:vår|våren|høst|høsten|haust|hausten|(?:i|med|hos)\s+[A-ZÆØÅ][\w-]*))"
# «dialogmøte 12. januar kl 10», «Oppstartsmøte onsdag 1. september kl. 10.00–14.00»: the same name right in front
# of a date with its clock time names the meeting too (batches 11, 14, 15); without a time it stays noise. Each
# pair is the name set off and the name before its time; the qualified name is tried first. An hour in words
# after «klokken» is a time too («møte tjuesjette januar klokken ni», dates21).
# «Regionalt dialogmøte, onsdag 26. mai kl 10» (dates18): the kind of meeting before its name, and a comma setting it off.
_KIND = r"(?:(?i:regionalt|regionale|nasjonalt|nasjonale|administrativt|administrative|digitalt|fysisk|felles)\s+)?"
_MEETING_RES = tuple(
    (
        re.compile(rf"^\s*{_KIND}{name}\s*(?=\(|[–-]\s|,\s)[–,-]?\s*"),
        re.compile(
            rf"^\s*{_KIND}{name}\s+(?=[^\n]*(?:\bkl\.?\s*[0-9]|\bklokka\s|\bklokk(?:en|å)\s+[^\W\d_]|[0-9]:[0-9]{{2}}|[0-9]\.[0-9]{{2}}\s*[–-]\s*[0-9]))"
        ),
    )
    for name in (_QUALIFIED, _ONE_NAME)
)
_MEETING_NOUNS = (
    *("møte", "møtet", "samling", "samlinga", "samlingen", "seminar", "seminaret", "konferanse", "konferansen"),
    *("signering", "signeringa", "signeringen", "workshop", "webinar", "samtale", "samtalen"),
)
# «tys 14.9 kl 10 (2 timar)», «(ca. 1,5 t)», «(45 min)»: how long the meeting lasts, in brackets after its time, or
# set off by a spaced dash or a comma («fredag 1.10 kl 10 – 2 timer», «kl 9, ca. 3 timar»: dates21).
_LENGTH = r"\s*(?:ca\.?\s*|cirka\s+)?[0-9]+(?:[.,][0-9]+)?\s*(?:t|timer|timar|time|min|minutt|minutter|hours?|h)\.?\s*"
_DURATION_RE = re.compile(
    rf"(?:\s*\({_LENGTH}\)|(?:\s+[–-]\s+|\s*,\s*){_LENGTH})[\s.]*$",
    re.IGNORECASE,
)
# «fredag 30. april kl 9 (sak 27/1234)», «(rom 4.12)»: a case or a room in brackets after the date names no day.
_REFERENCE_RE = re.compile(
    rf"\s*\(\s*(?:{'|'.join(sorted(LABELS, key=len, reverse=True))})\.?\s*(?:nr\.?\s*)?[0-9][0-9./-]*\s*\)[\s.]*$",
    re.IGNORECASE,
)
# «Sak 21/3456 – frist 15.2», «Ref. 2027/12: svar innen 1.3»: a case's number set off in front names no day.
_REFERENCE_LEAD_RE = re.compile(
    r"^\s*(?:sak|saka|saken|saksnr|saksnummer|arkivsak|ref|referanse)\.?\s*(?:nr\.?\s*)?[0-9][0-9./-]*\s*(?:[–:]|-\s)\s*",
    re.IGNORECASE,
)
# Google Calendar's subject line, «Invitasjon: Dialogmøte @ tir. 13. apr. 2027 10:00 - 14:00 (CET) (kari@agder.no)»:
# the title before « @ » (without a digit: «Møte 14. april @ …» may name a second day) and the address in brackets
# after the time name no day.
_CALENDAR_SUBJECT_RE = re.compile(
    r"^\s*(?:(?:oppdatert|updated)\s+)?(?:invitasjon|invitation)\s*:\s*[^@\n0-9]{1,80}?\s@\s+", re.IGNORECASE
)
# «… kl. 09.00–15.30 i møterom 2.12 (3. etg.)», «…, rom 4.12»: a room by its number after the date, at the end.
_ROOM_TAIL_RE = re.compile(
    r"(?:\s*,\s*|\s+)(?:(?:i|på)\s+)?(?:møterom|møterommet|rom|rommet)\s+[0-9][0-9.]*[a-z]?"
    r"(?:\s*,?\s*\(?\s*[0-9]{1,2}\.\s*(?:etg|etasje)\.?\s*\)?)?[\s.]*$",
    re.IGNORECASE,
)
_ADDRESS_TAIL_RE = re.compile(r"\s*\(\s*[^()\s@]+@[^()\s@]+\s*\)[\s.]*$")
# A list's bullet or number in front of the date: «- 22.4», «• 22.4», «1) 22.4» («1. mai» is a date).
_BULLET_RE = re.compile(r"^\s*(?:[-–•*·▪‣◦]|[0-9]{1,2}\)|[a-z]\))\s+")
# An invitation's lines («Emne: …», «Sted: …», «Start: on. 14.04.2027 09:00», «Slutt: …»): the line that
# says when is the date; «Start» wins over «Slutt».
_LINE_LABEL_RE = re.compile(r"^\s*([^\W\d_]+(?:\s+[^\W\d_]+)?)\s*:\s*(.*\S)\s*$")
_WHEN_LABELS = ("start", "starttid", "starter", "når", "tid", "tidspunkt", "dato", "møtedato", "date", "when")
_END_LABELS = ("slutt", "sluttid", "slutter", "end", "klokkeslett")
_DAY_LABELS = ("dato", "møtedato", "date", "når")
_HOUR_LABELS = ("tid", "tidspunkt", "klokkeslett")
_PLACE_LABELS = (
    *("sted", "stad", "lokale", "møterom", "rom", "adresse", "where", "location", "emne", "subject"),
    *("hvor", "kvar", "plassering", "tittel", "title", "beskrivelse", "description"),  # Outlook's and Google's own
)
# Google's «Tidssone: Europe/Oslo» line, or Outlook's «Tidssone: Sentraleuropeisk tid»: left out when it names
# Norway's zone; another zone keeps the line, so the paste is refused rather than read at a wrong hour.
_ZONE_LABELS = ("tidssone", "time zone", "timezone")
_OSLO_ZONE_LINE_RE = re.compile(
    r"^\s*(?:europe/oslo|oslo|norsk\s+tid|cet|cest|sentraleuropeisk\s+(?:normal|sommer)?tid"
    r"|central\s+european\s+(?:standard\s+|summer\s+)?time|\(?utc\s*\+\s*0?[12](?::?00)?\)?(?:\s+[^\W\d_]+(?:\s*,\s*[^\W\d_]+)*)?)"
    r"\s*$",
    re.IGNORECASE,
)
# A one-line paste of an invitation's lines («Tid: torsdag 22. april kl. 09:00 Sted: Kristiansand», «Dato:
# 22.04.2027 Tidspunkt: 10:00»): a known label, capitalised as a form writes it, with its colon inside the text
# starts a line of its own («ny dato: 10. mars» in a sentence does not).
_INLINE_LABEL_RE = re.compile(
    r"[ \t]+(?=(?:"
    + "|".join(w.capitalize() for w in _WHEN_LABELS + _END_LABELS + _PLACE_LABELS + _ZONE_LABELS)
    + r")\s*:\s)"
)
_DATE_LIKE_RE = re.compile(r"[0-9]{1,2}\s*[./]\s*[0-9]{1,2}|[0-9]{1,2}\.\s*[^\W\d_]{3}")
_NOT_LABELS = frozenset({"ikke", "ikkje", "avlyst", "avlyses", "utgår", "ikke lenger", "ikkje lenger"})
# Outlook's and Teams' zone after a time: Norway's zone names Oslo time, which is how the grammar reads a time.
# Another zone («(UTC+00:00) Dublin, …», «GMT») is left in, so the phrase is not read at a wrong hour.
_ZONE_RE = re.compile(
    r"(?<![^\s,(])\(?\s*(?:utc|gmt)\s*\+\s*0?1(?::?00)?\s*\)?(?:\s+[^\W\d_]+(?:\s*,\s*[^\W\d_]+)*)?[\s.]*$"
    r"|(?<![^\s,(])\(?\s*(?:cet|cest|met|mest|sentraleuropeisk\s+(?:normal|sommer)?tid|norsk\s+tid"
    r"|europe/oslo)\s*\)?[\s.]*$"
    r"|\s(?:\(\s*oslo\s*\)|oslo(?:\s+time|\s+tid|-tid))[\s.]*$",  # «(Oslo)», «Oslo time», never «i Oslo» (dates19)
    re.IGNORECASE,
)
# «på Scandic», «i Kristiansand», «hos Innovasjon Norge» (a place written with a capital), «på Teams»,
# «digitalt»: where the meeting is, at the end or before its time («22.4 på Scandic kl 10»).
_PLACE_NAME = r"(?:[A-ZÆØÅ][\w&'-]*\.?)(?:\s+[A-ZÆØÅ][\w&'-]*\.?){0,4}"
# «hos oss», «hjå oss», «(fysisk i Bergen)», «hos dykk på Scandic»: where, said from the writer's side, with or without a name.
_PLACE_RE = re.compile(
    rf"(?<=[\s,(–-])\(?(?:(?:på|i|hos|hjå|ved)\s+({_PLACE_NAME})"
    r"|(?:(?i:(?:(?:på|via|over|i)\s+)?(?:teams|zoom|skype|webex|nett|nettet)|digitalt|fysisk|hybrid|heildigitalt)"
    r"|(?i:hos|hjå)\s+(?:oss|dere|dykk|deg|meg))"
    rf"(?:\s+(?:på|i)\s+{_PLACE_NAME})?)\)?"
    r"(?=\s*[.!]*\s*$|[\s,]+(?i:kl\.?|klokka|klokken|fra|frå|[0-9]{1,2}[:.][0-9]{2}))"
)
# «22. april, Scandic Kristiansand», «22. april – Quality Hotel»: a name after a comma or a dash, at the end.
_NAME_AFTER_RE = re.compile(r"(?:,|\s[–-])\s*((?:[A-ZÆØÅ][\w&'-]*\.?)(?:\s+[A-ZÆØÅ][\w&'-]*\.?){0,4})\s*[.!]*$")
# «16.–17. august (Bodø)» (dates18): a place's name in brackets at the end, only without a clock time (a zone's city in
# brackets would move the hour, «(London)», and stays in to be refused with it).
_NAME_IN_BRACKETS_RE = re.compile(
    r"\s\(\s*([A-ZÆØÅ][a-zæøå][\w&'-]*(?:\s+(?:(?:i|på)\s+)?[A-ZÆØÅ][\w&'-]*){0,2})\s*\)\s*[.!]*$"
)
_CLOCK_RE = re.compile(r"[0-9][:.][0-9]{2}|\b(?i:kl|klokka|klokken|am|pm)\b|[0-9](?i:am|pm)\b")
# «rundt 20. januar», «ca. 20.1», «tentativt 20.1», «foreløpig 20.1», «20.1 (TBC)», «20.1 – med forbehold»: a day
# proposed with reserve is still the day proposed (a planned date is one until it is moved), so the reserve is cut;
# «20. eller 21.» and «evt.» name two days and stay refused.
# Only before a day with its number or weekday, or a month's middle: «rundt påske», «ca. uke 3» stay vague.
_TENTATIVE_LEAD_RE = re.compile(
    r"^(?:rundt|ca\.?|cirka|omkring|kring|tentativt|tentativ|foreløpig|førebels|forel\.|"
    r"\(\s*(?:tentativt|foreløpig|førebels|tbc|ikke\s+bekreftet|ikkje\s+stadfesta)\s*\)\s*:?)\s+"
    rf"(?=[0-9]|(?:{'|'.join(sorted(WEEKDAYS, key=len, reverse=True))})\b|(?:midten|midt|medio)\s)",
    re.IGNORECASE,
)
_TENTATIVE_TAIL_RE = re.compile(
    r"(?:\s*[,–-])?\s+\(?\s*(?:tbc|tentativt|foreløpig|førebels|med\s+forbehold|med\s+atterhald|med\s+etterhald)"
    r"\s*\)?[\s.]*$|\s*\(\s*(?:tbc|tentativt|foreløpig|førebels)\s*\)[\s.]*$",
    re.IGNORECASE,
)
# «kl 9 – lenke kommer», «på Teams (lenkje kjem)», «agenda følger»: what is still to be sent says nothing of the day.
_LATER_TAIL_RE = re.compile(
    r"(?:\s*[,–-])?\s+\(?\s*(?:lenke|lenkje|link|teams-lenke|teamslenke|møtelenke|agenda|saksliste|sakliste|sakspapir)"
    r"\s+(?:kommer|kjem|følger|fylgjer|ettersendes|ettersendast|sendes|sendast)(?:\s+(?:senere|seinare|snart))?\s*\)?[\s.]*$",
    re.IGNORECASE,
)
_SYMBOL_CATEGORIES = frozenset({"So", "Sk", "Cs", "Co"})
_JOINERS = frozenset({"\u200d", "\ufe0e", "\ufe0f", "\u20e3"})
_SEPARATORS = frozenset({"·", "⋅", "|", "•"})  # Google's «14. april · 09:00–15:30», «14.04.2027 | 09:00»

MOVED_TO_RE = re.compile(
    r"^(?:(?:blir|ble|vert|blei|er)\s+)?"
    r"(?:flytte[rts]?|flyttar|flytta|flyttast|flytt|endre[rts]|endrar|endra|endrast|utsatt|utsetter|utsettes|utset|utsett|utsettast|"
    r"fremskyndet|fremskyndes|framskunda|framskundast)"
    r"(?:\s+(?:til|på))?\s+(?=\S)(?!(?:fra|frå|fom|f\.o\.m\.?)\s)",
    re.IGNORECASE,
)
"""«flyttes til 12. november», «blir flytta til …», «utsatt til …»: words a civil servant puts before the new day
of a meeting, which is what `dato` sets; read as the day after them (walk 32), never as a second date; the
grammar reads them too (dates17: «utsatt til torsdag 18/11 kl 12» in a follow-up point or a minutes' line). Not
before «fra»: «flytta frå 14.11 til 18.11» names the old day too, never a meeting from the 14th to the 18th."""


# «Møteinnkalling\nTidspunkt: 24. november …», «Påminnelse\n…» (dates18): a heading line of its own above the date's
# lines, a few words without a digit that name an invitation or a reminder; never one that takes the meeting back.
_HEADING_LINE_RE = re.compile(
    r"^\s*(?![^\n]*\b(?i:avlys\w*|ikke|ikkje|utgår|cancel\w*)\b)"
    r"(?i:[^\W\d_]+\s+){0,3}(?i:\w*innkalling\w*|invitasjon\w*|påminn\w*|reminder|invitation|møteinvitasjon)"
    r"(?i:\s+[^\W\d_]+){0,3}\s*:?\s*\n(?=[^\n]*[0-9])"
)


def essence(text: str) -> str:
    """`text` without its signature, label, time zone, place and emoji; the whole text when nothing frames it."""
    if (start := ics_start(text)) is not None:
        return start
    text = without_boilerplate(text)
    s = text[: m.start()] if (m := _SIGN_OFF_RE.search(text)) else text
    s = _HEADING_LINE_RE.sub("", s, count=1)
    s = _when_line(_INLINE_LABEL_RE.sub("\n", s)) or s
    s = " ".join(_without_symbols(s).split())
    if m := _CALENDAR_SUBJECT_RE.match(s):
        s = _ADDRESS_TAIL_RE.sub("", s[m.end() :])
    s = _REFERENCE_LEAD_RE.sub("", _BULLET_RE.sub("", s))
    s = _LATER_TAIL_RE.sub("", s)
    s = _ZONE_RE.sub("", _DURATION_RE.sub("", _REFERENCE_RE.sub("", _ROOM_TAIL_RE.sub("", s)))).rstrip(
        " ,("
    )  # each pattern starts at a word, so none is tried at every space
    s = _YES_RE.sub("", _GREETING_RE.sub("", s))
    if (m := _LABEL_RE.match(s) or _meeting_name(s)) and _is_label(m.group(1)):
        s = s[m.end() :]
        if (m := _meeting_name(s)) and _is_label(m.group(1)):  # «Innkalling: Dialogmøte vår – tirsdag 13. april»
            s = s[m.end() :]
    s = MOVED_TO_RE.sub("", s, count=1)
    if (m := _name_in_brackets(s)) is not None:
        s = s[: m.start()]
    elif (m := _PLACE_RE.search(s)) and not any(_dated(word) for word in _words(m.group(1) or "")):
        s = s[: m.start()].rstrip(" ,(–-") + " " + s[m.end() :]
    elif (m := _NAME_AFTER_RE.search(s)) and not any(_dated(word) for word in _words(m.group(1))):
        s = s[: m.start()]
    s = _TENTATIVE_LEAD_RE.sub("", _TENTATIVE_TAIL_RE.sub("", s))
    return s.strip() or text.strip()


def _name_in_brackets(s: str) -> re.Match[str] | None:
    """A place's name in brackets at the end («16. august (Bodø)», «(Mo i Rana)») when no clock time is typed; never
    a word that says which day."""
    m = None if _CLOCK_RE.search(s) else _NAME_IN_BRACKETS_RE.search(s)
    names = [word for word in _words(m.group(1)) if word not in ("i", "på")] if m is not None else []
    return m if m is not None and not any(_dated(word) for word in names) else None


def _meeting_name(s: str) -> re.Match[str] | None:
    """A meeting's one-word name in front of a date set off by a bracket or a dash or before its time, or None."""
    for set_off, before_time in _MEETING_RES:
        m = set_off.match(s)
        if m is None and (m := before_time.match(s)) is not None:
            after = s[m.end() :]  # «Signeringa blir torsdag …» is a sentence: the date must follow the name at once
            m = m if after[:1].isdigit() or _dated(_words(after)[0]) else None
        if m is None or not m.group(1).lower().endswith(_MEETING_NOUNS):
            continue
        qualifier = _words(s[m.end(1) : m.end()].strip(" –-(,"))
        if not qualifier or not _dated(qualifier[-1]):
            return m  # «Møte i Morgen kl 10», «Seminar i Uke 20»: a day's word is no party's or place's name
    return None


def _when_line(s: str) -> str | None:
    """The value of the one line labelled as the time («Tid: …», «Start: …») among an invitation's lines, or
    the day and hour lines together («Dato: …», «Tidspunkt: …»); a place line («Sted:», «Stad:») is no date."""
    if "\n" not in s:
        return None
    lines = [
        (m.group(1).lower(), m.group(2)) if (m := _LINE_LABEL_RE.match(line)) else ("", line) for line in s.split("\n")
    ]
    pasted = len(lines)
    # Another zone's line («Tidssone: Europe/London») goes after the time it qualifies, so the grammar reads the
    # time in that zone (`bot.dates.zones`) or refuses it, never at the typed hour as Oslo time.
    zone = next((v for label, v in lines if label in _ZONE_LABELS and not _OSLO_ZONE_LINE_RE.match(v)), None)
    lines = [line for line in lines if line[0] not in _ZONE_LABELS]
    if not lines:
        return None
    when = _when_value(lines, pasted=pasted)
    return f"{when} {zone}" if when is not None and zone is not None else when


def _when_value(lines: list[tuple[str, str]], *, pasted: int) -> str | None:
    """The time the invitation's lines (without a zone line) say, or None."""
    if lines and lines[0][0] in _PLACE_LABELS:  # «Emne: Dialogmøte høst» above the time
        lines = lines[1:] or lines
    first, rest = lines[0], [line for line in lines[1:] if line[0] not in _PLACE_LABELS]
    if not first[0] and len(rest) <= 1 and all(label in _HOUR_LABELS for label, _value in rest):
        # «22.4 kl 10» or «22. april» with «Tid: 10:00», then only a place: the unlabelled first line is the day
        return " ".join(value for _label, value in [first, *rest]) if pasted > 1 else None
    labelled = dict(lines)
    if len(labelled) < len(lines):
        return None  # «Dato: 3. mars» and «Dato: 10. mars»: two dates
    if any(_DATE_LIKE_RE.search(value) for label, value in lines if label not in _WHEN_LABELS + _END_LABELS):
        return None  # «Tid: 22.4 kl 10» and «Alternativ: 23.4»: two dates, not one line's
    days = [labelled[label] for label in _DAY_LABELS if label in labelled]
    hours = [labelled[label] for label in _HOUR_LABELS if label in labelled]
    if len(days) == 1 and len(hours) == 1:
        return f"{days[0]} {hours[0]}"  # «Dato: 22.4» and «Tid: kl 10» on lines of their own
    when = [label for label in _WHEN_LABELS if label in labelled]
    return labelled[when[0]] if len(when) == 1 or (when and when[0] == "start") else None


def _without_symbols(s: str) -> str:
    """Emoji and pictographs («👍», «📅», «✔️») and separators («·», «|») are no part of a date; letters, digits
    and punctuation stay."""
    if s.isascii():
        return s.replace("|", " ")
    return "".join(
        " " if unicodedata.category(ch) in _SYMBOL_CATEGORIES or ch in _JOINERS or ch in _SEPARATORS else ch for ch in s
    )


def _is_label(label: str) -> bool:
    """A label frames the date; a weekday, a month or «avlyst» in front of a colon is part of what is said. «Neste
    møte:», «Nytt møte:» (dates18) name the meeting, not the day: «neste» before a meeting's name says no day, nor
    «i»/«med»/«hos» before its party («Neste møte i AU:», dates21)."""
    words = _words(label)
    if len(words) >= 2 and words[0] in _NEXT_WORDS and words[1].endswith(_MEETING_NOUNS):
        words = words[1:]
    if len(words) >= 3 and words[0].endswith(_MEETING_NOUNS) and words[1] in ("i", "med", "hos"):
        words = [words[0], *words[2:]]  # «Neste møte i AU:», «Møte med Siva:» (dates21); «Møte i morgen:» stays said
    parts = [part for word in words for part in word.split("-")]  # «ikke-møte:», «fredags-møte:» say the day
    return " ".join(words) not in _NOT_LABELS and not any(w in _NOT_LABELS or _dated(w) for w in (*words, *parts))


_NEXT_WORDS = frozenset({"neste", "nytt", "ny", "førstkommende", "førstkomande"})


def _words(s: str) -> list[str]:
    return [w.strip(".").lower() for w in s.split()]


def _dated(word: str) -> bool:
    """A word that says which day («fredag», «Januar», «Påske», «neste»): never a label or a place."""
    return is_date_word(word) or word in _day_name_words()


@lru_cache(maxsize=1)
def _day_name_words() -> frozenset[str]:
    """The words of named days and feast weeks («Julaften», «Påske»), and the weekdays typed before a date."""
    names = (*named_day_words(), *feast_week_words())
    return frozenset(w for name in names for w in name.split()) | frozenset(PREFIX_WEEKDAYS)
