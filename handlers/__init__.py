"""What each command does. `build_router` registers them in the order they are matched and listed."""

from __future__ import annotations

from bot.router import Command, Router
from handlers import (
    agreement,
    assignments,
    bind,
    calendar,
    log,
    minutes,
    next_steps,
    not_relevant,
    notify,
    overview,
    plan,
    precondition,
    set_date,
    sign,
    status,
    wheel_view,
)
from handlers.help import make_help
from handlers.links import with_status_link


def build_router() -> Router:
    router = Router()
    router.add(
        Command(
            "neste",
            next_steps.handle,
            "Først det din part kan gjøre nå, så de andre åpne fristene her, de forsinkede først.",
            "neste [region|aktør]",
            ("neste",),
        )
    )
    router.add(
        Command(
            "status",
            with_status_link(status.handle, page="region"),
            "Hele syklusen for en region: møter, forutsetninger og signaturer, med lenke til statussiden.",
            "status [region] [år]",
            ("status", "status agder 2027"),
        )
    )
    router.add(
        Command(
            "oversikt",
            with_status_link(overview.handle, page="national"),
            "Alle regioner mot alle milepæler, for AU, med lenke til den nasjonale statussiden.",
            "oversikt [år] [side N]",
            ("oversikt 2027",),
        )
    )
    router.add(
        Command(
            "årshjul",
            wheel_view.handle,
            "Årshjulet måned for måned, som tekst og bilde (nasjonal: alle regioner; varmekart: måned per region).",
            "årshjul [år] [region|nasjonal|varmekart]",
            ("årshjul 2027", "årshjul nasjonal", "årshjul varmekart 2027"),
            aliases=("arshjul", "aarshjul"),
        )
    )
    router.add(
        Command(
            "dato",
            set_date.handle,
            "Sett planlagt dato for et møte; helg, helligdag, passert dato eller bare en måned må bekreftes.",
            "dato <møte> [region] [år] <dato> [bekreft]",
            (
                "dato vår 22. april kl 10",
                "dato høst uke 45",
                "dato vår første tirsdag i april",
                "dato høst fredag om to uker kl 13",
                "dato vår 2. påskedag bekreft",
            ),
            writes=True,
        )
    )
    router.add(
        Command(
            "referat",
            minutes.handle,
            "Registrer utfallet av et møte (holdt), den politiske behandlingen (behandlet) eller handlingsplanen "
            "(vedtatt). Uten tekst får du et skjema. Bare etter møtets planlagte dato og etter møtet det følger; "
            "«bekreft» til slutt registrerer det likevel, merket utenfor modellens rekkefølge.",
            "referat <møte> <sammendrag/lenke> [vedtak: a; b] [oppfølging: tekst @ansvarlig; …] [bekreft]",
            (
                "referat vår Godt møte https://… vedtak: Felles søknad oppfølging: Sende utkast @IN",
                "referat politisk Vedtatt i fylkestinget",
                "referat handlingsplan Vedtatt https://…",
            ),
            writes=True,
        )
    )
    router.add(
        Command(
            "forutsetning",
            precondition.handle,
            "Registrer en forutsetning for signering.",
            "forutsetning <statsbudsjett|budsjett|tildelingsbrev> [aktør] [år]",
            ("forutsetning budsjett", "forutsetning tildelingsbrev IN 2027"),
            aliases=("forutsetninger",),
            writes=True,
        )
    )
    router.add(
        Command(
            "signer",
            sign.handle,
            "Signer samarbeidsavtalen for din part: i januar, når alle forutsetninger er på plass. "
            "Utenfor januar: «bekreft» til slutt signerer likevel, merket utenfor modellens rekkefølge.",
            "signer [part] [region] [år] [bekreft]",
            ("signer", "signer IN agder 2027", "signer 2027 bekreft"),
            aliases=("signere", "signering"),
            writes=True,
        )
    )
    router.add(
        Command(
            "avtale",
            agreement.handle,
            "Registrer avtaleteksten som en ny versjon (lenke, og sjekksum fra filen), eller se versjonene.",
            "avtale [region] [år] [<lenke>] [sha256:<sum>]",
            ("avtale https://example.no/avtale-2027.pdf", "avtale https://… sha256:9f86d0…", "avtale"),
            aliases=("avtaletekst",),
            writes=True,
        )
    )
    router.add(
        Command(
            "kvittering",
            agreement.receipt,
            "Kvitteringen for avtalen: versjon, sjekksum, lenke og hver signatur (bare for deg).",
            "kvittering [region] [år]",
            ("kvittering", "kvittering agder 2027"),
        )
    )
    router.add(
        Command(
            "oppdrag",
            assignments.handle,
            "Oppdragsavtale sendt til en aktør (eller ingen i år).",
            "oppdrag <aktør> [sendt|ingen]",
            ("oppdrag IN sendt", "oppdrag SIVA ingen"),
            writes=True,
        )
    )
    router.add(
        Command(
            "ikke",
            not_relevant.handle,
            "Et valgfritt punkt (oppdragsavtalene) er ikke aktuelt i år: ingen påminnelser, ikke forsinket. "
            "«angre» til slutt gjør det aktuelt igjen.",
            "ikke aktuelt <punkt> [region] [år] [angre]",
            ("ikke aktuelt oppdrag 2027", "ikke aktuelt oppdrag 2027 angre"),
            aliases=("ikke-aktuelt", "ikkeaktuelt"),
            writes=True,
        )
    )
    router.add(
        Command(
            "plan",
            plan.handle,
            "Sett regionens planperiode (regional plan); vises i «status» og går foran app.yaml.",
            "plan <fra>–<til> [region]",
            ("plan 2028–2031",),
            aliases=("planperiode",),
            writes=True,
        )
    )
    router.add(
        Command(
            "kalender",
            calendar.handle,
            "Din kalenderlenke til Outlook eller Google (frister og møter), bare til deg. "
            "Statussiden i nettleseren får du med «status» og «oversikt».",
            "kalender [region|aktør|nasjonal] | kalender ny-lenke [region|aktør|nasjonal|status [region]]",
            ("kalender", "kalender IN", "kalender ny-lenke agder"),
            aliases=("kalendar", "ics"),
        )
    )
    router.add(
        Command("logg", log.handle, "De siste endringene: hvem, når og hvor.", "logg [region]", ("logg", "logg agder"))
    )
    router.add(
        Command(
            "koble",
            bind.bind_channel,
            "Admin: koble denne kanalen til en region, aktør eller nasjonalt.",
            "koble region <navn> | koble aktør <kode> [region] | koble nasjonal",
            ("koble region agder",),
            writes=True,
        )
    )
    router.add(
        Command(
            "person",
            bind.bind_person,
            "Admin: registrer en person med part og rolle.",
            "person <@bruker> <part> <rolle>",
            ("person @kari agder koordinator",),
            writes=True,
        )
    )
    router.add(
        Command(
            "varsel",
            notify.handle,
            "Slå av eller på at påminnelser nevner deg.",
            "varsel av|på",
            ("varsel av", "varsel på"),
            writes=True,
        )
    )
    router.add(
        Command(
            "hjelp",
            make_help(router),
            "Kort hjelp med eksempler.",
            "hjelp [kommando]",
            ("hjelp dato",),
            aliases=("help", "?"),
        )
    )
    return router
