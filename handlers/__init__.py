"""What each command does, declared once: `COMMANDS` in the order they are matched and listed.

Each declaration is at once the command's help (`hjelp`), its Teams menu entry (adapters/teams/package.py),
what it reads from the words (`args`) and who may run it (`who`, checked by `bot.pipeline.permission`).
Summaries, usages and examples are bokmål marked with N_ and shown through the catalogue (`hjelp` in the
reader's written form, with nynorsk examples); aliases take the nynorsk words people type.
"""

from __future__ import annotations

from bot.i18n import N_
from bot.router import Command, Router, Who
from handlers.later import LaterModule, with_status_link

# Each handler module is imported at its command's first call (or by the server's warm-up once it listens),
# not here: `handlers/later.py`. The names read as the modules they stand for.
agreement = LaterModule("handlers.agreement")
assignments = LaterModule("handlers.assignments")
bind = LaterModule("handlers.bind")
calendar = LaterModule("handlers.calendar")
join = LaterModule("handlers.join")
log = LaterModule("handlers.log")
members = LaterModule("handlers.members")
minutes = LaterModule("handlers.minutes")
minutes_read = LaterModule("handlers.minutes_read")
next_steps = LaterModule("handlers.next_steps")
not_relevant = LaterModule("handlers.not_relevant")
notify = LaterModule("handlers.notify")
overview = LaterModule("handlers.overview")
plan = LaterModule("handlers.plan")
precondition = LaterModule("handlers.precondition")
set_date = LaterModule("handlers.set_date")
sign = LaterModule("handlers.sign")
status = LaterModule("handlers.status")
wheel_view = LaterModule("handlers.wheel_view")
written_form = LaterModule("handlers.written_form")
followups = LaterModule("handlers.followups")
help_handler = LaterModule("handlers.help").handle

READ_WORDS = ("vis", "les")
"""`referat vis …` reads the minutes (`handlers.minutes_read`); no meeting is called «vis» or «les»."""

MOVE_WORDS = ("flytt", "flytte", "utsett")
"""`dato`'s words of a move (walk 39 F1): «flytt vårmøtet til 27. april» sets the day after «til», as «dato vårmøtet
flyttes til 27. april» does (`handlers.set_date`); `dato høst til 12. november` alone stays refused (walk 32)."""

COMMANDS: tuple[Command, ...] = (
    Command(
        "neste",
        next_steps.handle,
        N_("Først det din part kan gjøre nå, så de andre åpne fristene her, de forsinkede først."),
        N_("neste [region|aktør] [side N]"),
        ("neste", N_("neste uke")),  # README's `neste uke`, in help too (walk 36 F11)
        aliases=("næraste",),
        translated=True,
        same_all_day=True,
        args=("region", "party", "year"),
    ),
    Command(
        "status",
        status.handle_any,
        N_("Hele syklusen for en region: møter, forutsetninger og signaturer, med lenke til statussiden."),
        N_("status [region] [år]"),
        ("status", "status agder 2027"),
        translated=True,
        same_all_day=True,
        args=("region", "year"),
    ),
    Command(
        "oversikt",
        with_status_link(overview.handle, page="national"),
        N_("Alle regioner mot alle milepæler, for AU, med lenke til den nasjonale statussiden."),
        N_("oversikt [år] [side N]"),
        (N_("oversikt 2027"),),
        aliases=("oversyn",),
        translated=True,
        args=("year", "page"),
    ),
    Command(
        "årshjul",
        wheel_view.handle,
        N_("Årshjulet måned for måned, som tekst og bilde (nasjonal: alle regioner; varmekart: måned per region)."),
        N_("årshjul [år] [region|nasjonal|varmekart]"),
        ("årshjul 2027", "årshjul nasjonal", "årshjul varmekart 2027"),
        aliases=("arshjul", "aarshjul"),
        translated=True,
        args=("year", "region"),
    ),
    Command(
        "dato",
        set_date.handle,
        N_(
            "Sett planlagt dato for et møte; helg, helligdag, passert dato eller bare en måned må bekreftes. "
            "Et klokkeslett alene («dato høst kl 13») endrer tiden på den planlagte dagen; «dato høst avlyst» "
            "fjerner den planlagte datoen (med «bekreft»)."
        ),
        N_("dato <møte> [region] [år] <dato> [bekreft]"),
        (
            N_("dato vår 22. april kl 10"),
            N_("dato høst uke 45"),
            N_("dato vår første tirsdag i april"),
            N_("dato høst fredag om to uker kl 13"),
            N_("dato vår 2. påskedag bekreft"),
        ),
        aliases=MOVE_WORDS,  # «flytt vårmøtet til 27. april»: a move is a new date (walk 39 F1)
        writes=True,
        translated=True,
        args=("milestone", "region", "year", "text"),
        who=Who.MEMBER,
    ),
    Command(
        "referat",
        minutes.handle,
        N_(
            "Registrer utfallet av et møte (holdt), den politiske behandlingen (behandlet) eller handlingsplanen "
            "(vedtatt). Uten tekst får du et skjema. Bare etter møtets planlagte dato og etter møtet det følger; "
            "«bekreft» til slutt registrerer det likevel, merket utenfor modellens rekkefølge."
        ),
        N_("referat <møte> <sammendrag/lenke> [vedtak: a; b] [oppfølging: tekst @ansvarlig; …] [bekreft]"),
        (
            N_("referat vår Godt møte <lenke> vedtak: Felles søknad oppfølging: Sende utkast @IN"),
            N_("referat politisk Vedtatt i fylkestinget"),
            N_("referat handlingsplan Vedtatt <lenke>"),
            N_("referat vis høst agder 2026"),
        ),
        writes=True,
        translated=True,
        args=("milestone", "text", "form"),
        who=Who.MEMBER,
        read_forms=READ_WORDS,  # `referat vis …` reads the whole minutes: anyone's, privately
        verbatim=True,
    ),
    Command(
        "forutsetning",
        precondition.handle,
        N_("Registrer en forutsetning for signering."),
        N_("forutsetning <statsbudsjett|budsjett|tildelingsbrev> [aktør] [år] [vedtatt/mottatt <dag>]"),
        (
            N_("forutsetning budsjett"),
            N_("forutsetning tildelingsbrev IN 2027"),
            N_("forutsetning tildelingsbrev mottatt 22. desember"),
        ),
        aliases=("forutsetninger", "føresetnad", "føresetnader"),
        writes=True,
        translated=True,
        args=("precondition", "party", "region", "year"),
        who=Who.MEMBER,
    ),
    Command(
        "signer",
        sign.handle,
        N_(
            "Signer samarbeidsavtalen for din part: i januar, når alle forutsetninger er på plass. "
            "Utenfor januar: «bekreft» til slutt signerer likevel, merket utenfor modellens rekkefølge."
        ),
        N_("signer [part] [region] [år] [bekreft]"),
        ("signer", "signer IN agder 2027", N_("signer 2027 bekreft")),  # nynorsk «stadfest», as its syntax (walk 23 #7)
        aliases=("signere", "signering", "underskriv", "underskrive", "signera"),
        writes=True,
        translated=True,
        args=("party", "region", "year"),
        who=Who.MEMBER,
    ),
    Command(
        "avtale",
        agreement.handle,
        N_("Registrer avtaleteksten som en ny versjon (lenke, og sjekksum fra filen), eller se versjonene."),
        N_("avtale [region] [år] [<lenke>] [sha256:<sum>]"),
        (N_("avtale <lenke>"), N_("avtale <lenke> sha256:<sum>"), "avtale"),
        aliases=("avtaletekst",),
        writes=True,
        translated=True,
        args=("region", "year", "text"),
    ),
    Command(
        "kvittering",
        agreement.receipt,
        N_("Kvitteringen for avtalen: versjon, sjekksum, lenke og hver signatur (bare for deg)."),
        N_("kvittering [region] [år]"),
        ("kvittering", "kvittering agder 2027"),
        translated=True,
        args=("region", "year"),
    ),
    Command(
        "oppdrag",
        assignments.handle,
        N_(
            "Oppdragsavtale sendt til en aktør (eller ingen i år). Regionens koordinator registrerer; en aktør "
            "ser med «oppdrag» hva regionene har registrert for den."
        ),
        N_("oppdrag <aktør> <sendt [dag]|ingen>"),
        ("oppdrag IN sendt", "oppdrag SIVA ingen"),
        writes=True,
        translated=True,
        args=("party", "region", "year"),
        who=Who.MEMBER,
    ),
    Command(
        "ikke",
        not_relevant.handle,
        N_(
            "Et valgfritt punkt (oppdragsavtalene) er ikke aktuelt i år: ingen påminnelser, ikke forsinket. "
            "«angre» til slutt gjør det aktuelt igjen."
        ),
        N_("ikke aktuelt <punkt> [region] [år] [angre]"),
        (N_("ikke aktuelt oppdrag 2027"), N_("ikke aktuelt oppdrag 2027 angre")),
        aliases=("ikke-aktuelt", "ikkeaktuelt", "ikkje", "ikkje-aktuelt", "ikkjeaktuelt"),
        writes=True,
        translated=True,
        args=("milestone", "region", "year"),
        who=Who.MEMBER,
    ),
    Command(
        "plan",
        plan.handle,
        N_("Sett regionens planperiode (regional plan); vises i «status» og går foran app.yaml."),
        N_("plan <fra>–<til> [region]"),
        ("plan 2028–2031",),
        aliases=("planperiode",),
        writes=True,
        translated=True,
        args=("text", "region"),
        who=Who.MEMBER,
    ),
    Command(
        "kalender",
        calendar.handle,
        N_(
            "Din kalenderlenke til Outlook eller Google (frister og møter), bare til deg. "
            "Statussiden i nettleseren får du med «status» og «oversikt»."
        ),
        N_("kalender [region|aktør|nasjonal] | kalender ny-lenke [region|aktør|nasjonal|status [region]]"),
        ("kalender", "kalender IN", "kalender ny-lenke agder"),
        aliases=("kalendar", "ics"),
        translated=True,
        args=("region", "party"),
        who=Who.MEMBER,  # a feed's address is a secret: only for people the bot knows (walk 38 F3)
    ),
    Command(
        "logg",
        log.handle,
        N_(
            "De siste endringene: hvem, når og hvor, ti om gangen («side 2» for eldre), for ett år med året; "
            "et erstattet referat vises med «referat vis <møte> tidligere»."
        ),
        N_("logg [region] [år] [side N]"),
        ("logg", "logg agder", "logg agder 2027 side 2"),
        translated=True,
        args=("region", "year"),
    ),
    Command(
        "koble",
        bind.bind_channel,
        N_(
            "Admin: koble denne kanalen til en region, aktør eller nasjonalt, eller en hel organisasjon til en part "
            "(alle derfra blir rådgivere, eller koordinatorer når du skriver det); «fjern» i stedet for parten "
            "fjerner koblingen."
        ),
        N_(
            "koble region <navn> | koble aktør <kode> [region] | koble nasjonal | "
            "koble organisasjon <tenant-id|slack-team|e-postdomene> <part> [rolle] | koble organisasjon <id> fjern"
        ),
        (N_("koble region agder"),),
        aliases=("kople",),
        writes=True,
        translated=True,
        args=("region", "party"),
        who=Who.ADMIN,
    ),
    Command(
        "person",
        bind.bind_person,
        N_("Admin: registrer en person med part og rolle."),
        N_("person <@bruker> <part> <rolle> [navn] · person <@bruker> admin [navn]"),
        (
            "person @kari agder koordinator",
            "person @kari agder koordinator Kari Nordmann",
            "person @berit admin Berit Sjef",
        ),
        writes=True,
        translated=True,
        args=("person", "party", "text"),
        who=Who.ADMIN,
    ),
    Command(
        "varsel",
        notify.handle,
        N_("Slå av eller på at påminnelser nevner deg."),
        N_("varsel av|på"),
        ("varsel av", "varsel på"),
        writes=True,
        translated=True,
        args=("text",),
    ),
    Command(
        "målform",
        written_form.handle,
        N_(
            "Velg bokmål eller nynorsk for svarene bare du ser (målform nn|nb), eller for hele kanalen "
            "(målform kanal nn|nb: administrator eller regionens koordinator)."
        ),
        N_("målform nn|nb | målform kanal nn|nb"),
        ("målform nn", "målform nb", "målform kanal nn"),
        aliases=("malform", "maalform", "språk", "sprak"),
        writes=True,
        translated=True,
        args=("form",),
    ),
    Command(
        "hjelp",
        help_handler,
        N_("Kort hjelp med eksempler."),
        N_("hjelp [kommando]"),
        ("hjelp dato",),
        aliases=("help", "?"),
        translated=True,
        args=("command",),
    ),
    Command(  # issue 18: `ferdig <id>` closes a follow-up point
        "ferdig",
        followups.handle,
        N_("Et oppfølgingspunkt fra et referat er gjort (id-en står i «neste» og «status»)."),
        N_("ferdig <id>"),
        ("ferdig <id>",),
        writes=True,
        translated=True,
        args=("text",),
        who=Who.MEMBER,
    ),
    Command(
        "hvem",
        members.who,
        N_(
            "Hvem som er kjent for en part, og hvordan: gjennom organisasjonen eller hver for seg (uten part, fra en "
            "administrator: alle organisasjonene som er koblet). Bare til deg (i en Teams-kanal ser kanalen svaret; "
            "skriv det i en personlig chat med boten)."
        ),
        N_("hvem [part]"),
        (N_("hvem IN"), N_("hvem agder")),
        aliases=("kven",),
        translated=True,
        args=("party",),
        who=Who.MEMBER,
    ),
    Command(
        "bli",
        join.join,
        N_(
            "Be om å bli med for en part som rådgiver; koordinatorene for parten (eller en administrator) "
            "slipper deg inn med ett klikk. «bli med trekk» trekker forespørselen din før den er besvart."
        ),
        N_("bli med <part> | bli med trekk"),
        (N_("bli med IN"), "bli med trekk"),
        writes=True,
        translated=True,
        args=("party",),
    ),
    Command(
        "opptak",
        join.answer,
        N_("Svar på en forespørsel om å bli med (knappene «Slipp inn» og «Avslå»): koordinatorene eller admin."),
        N_("opptak ja|nei <nr>"),
        ("opptak ja 3",),
        writes=True,
        translated=True,
        args=("text",),
    ),
    Command(
        "forlat",
        join.leave,
        N_("Gå ut av en part; en administrator kan fjerne hvem som helst («forlat <part> @person»)."),
        N_("forlat <part> [@person]"),
        (N_("forlat IN"),),
        writes=True,
        translated=True,
        args=("party", "person"),
    ),
)

# The stand-ins are the declarations' only readers: once imported, `handlers.sign` is the module itself.
del agreement, assignments, bind, calendar, join, log, members, minutes, minutes_read, next_steps
del followups, not_relevant, notify, overview, plan, precondition, set_date, sign, status, wheel_view, written_form


def build_router() -> Router:
    """The router over `COMMANDS`, for the composition root to hand to the core."""
    return Router(COMMANDS)
