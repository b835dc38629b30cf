"""app.yaml's checks that span sections: unique keys, references that must exist, windows that end after
they start (`parse_config` runs them once every section has been read; bot/model/config.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.model.yaml_lines import Path

if TYPE_CHECKING:
    from bot.model.config import AppConfig


def cross_check(config: AppConfig) -> list[tuple[Path, str]]:
    """Checks that span sections: unique keys and references that must exist."""
    problems: list[tuple[Path, str]] = []
    region_keys = {region.key for region in config.parties.regions}
    actor_keys = {actor.key for actor in config.parties.actors}
    party_keys = region_keys | actor_keys | {config.parties.coordinator.key}

    def unique(section: Path, keys: list[str]) -> None:
        seen: set[str] = set()
        for index, key in enumerate(keys):
            if key in seen:
                problems.append(((*section, index, "key"), f"duplicate key {key!r}"))
            seen.add(key)

    unique(("parties", "regions"), [region.key for region in config.parties.regions])
    unique(("parties", "actors"), [actor.key for actor in config.parties.actors])
    unique(("milestones",), [milestone.key for milestone in config.milestones])
    unique(("preconditions",), [item.key for item in config.preconditions])
    unique(("people",), [person.key for person in config.people])

    for index, former in enumerate(config.parties.former):
        for region_index, key in enumerate(former.regions):
            if key not in region_keys:
                problems.append((("parties", "former", index, "regions", region_index), f"unknown region {key!r}"))

    milestone_keys = {milestone.key for milestone in config.milestones}
    for index, milestone in enumerate(config.milestones):
        for after_index, after in enumerate(milestone.after):
            if after.key not in milestone_keys:
                problems.append(
                    (
                        ("milestones", index, "after", after_index, "key"),
                        f"unknown milestone {after.key!r}",
                    )
                )
        if milestone.signed_by_parties != (milestone.kind == "signing"):
            problems.append((("milestones", index, "kind"), "kind: signing goes with signed_by_parties: true"))
        start, end = milestone.window.resolve(2027)
        if start > end:
            problems.append((("milestones", index, "window"), "the window ends before it starts"))
    for index, item in enumerate(config.preconditions):
        start, end = item.window.resolve(2027)
        if start > end:
            problems.append((("preconditions", index, "window"), "the window ends before it starts"))

    for index, person in enumerate(config.people):
        if person.party is not None and person.party not in party_keys:
            problems.append((("people", index, "party"), f"unknown party {person.party!r}"))
        if person.party is None and person.role != "admin":
            problems.append((("people", index, "party"), "only an admin may have no party"))
    seen_ids: dict[tuple[str, str], int] = {}
    for index, person in enumerate(config.people):
        for platform, user_id in person.ids.items():
            if (platform, user_id) in seen_ids:
                problems.append(
                    (
                        ("people", index, "ids", platform),
                        f"{platform} id {user_id!r} is used twice",
                    )
                )
            seen_ids[(platform, user_id)] = index

    problems += _party_names(config)
    seen_channels: set[tuple[str, str]] = set()
    for index, channel in enumerate(config.channels):
        if channel.region is not None and channel.region not in region_keys:
            problems.append((("channels", index, "region"), f"unknown region {channel.region!r}"))
        if channel.actor is not None and channel.actor not in actor_keys:
            problems.append((("channels", index, "actor"), f"unknown actor {channel.actor!r}"))
        if (channel.platform, channel.id) in seen_channels:
            problems.append((("channels", index, "id"), f"channel {channel.id!r} is listed twice"))
        seen_channels.add((channel.platform, channel.id))
    return problems


def _party_names(config: AppConfig) -> list[tuple[Path, str]]:
    """Every name a party is known by (key, name, short name, aliases) names that party alone, as people type
    it (folded: «Forskingsrådet» and «forskingsradet» are one name), so `@Innovasjon Norge` is never two."""
    from bot.parsing import slug  # bot.parsing reads the validated config: imported once it is there

    problems: list[tuple[Path, str]] = []
    owner: dict[str, str] = {}
    parties = [
        (
            "regions",
            index,
            region.key,
            (region.key, region.name, region.short, *region.aliases, *filter(None, (region.name_nn,))),
        )
        for index, region in enumerate(config.parties.regions)
    ]
    parties += [
        ("actors", index, actor.key, (actor.key, actor.name, *actor.aliases, *filter(None, (actor.name_nn,))))
        for index, actor in enumerate(config.parties.actors)
    ]
    parties += [
        ("former", index, f"{former.name} (former)", (former.name,))
        for index, former in enumerate(config.parties.former)
    ]
    for section, index, key, names in parties:
        for name in names:
            if not slug(name):
                problems.append((("parties", section, index, "aliases"), f"an empty name for {key!r}"))
            elif owner.setdefault(slug(name), key) != key:
                problems.append(
                    (("parties", section, index, "aliases"), f"{name!r} names both {owner[slug(name)]!r} and {key!r}")
                )
    return problems


def unheard_actors(config: AppConfig) -> list[str]:
    """Enabled actors app.yaml gives no channel: valid, but their reminders (the allocation letter) reach
    nobody until a channel is bound, so `check-config` warns by name (walk 18 F5)."""
    heard = {channel.actor for channel in config.channels if channel.actor}
    return [actor.key for actor in config.enabled_actors if actor.key not in heard]
