"""app.yaml validation: every mistake names its key path and its line, and the demo file is valid."""

from __future__ import annotations

import re

import pytest

from bot.model.config import ConfigError, load_config, parse_config
from tests.driver import DEMO_CONFIG
from tests.helpers import demo_text, line_no, replace_once


def problems_of(text: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    assert caught.value.problems, "a ConfigError must say what is wrong"
    for problem in caught.value.problems:
        assert re.match(r"^app\.yaml:\d+: ", problem), problem
    return caught.value.problems


def test_demo_app_yaml_is_valid() -> None:
    config = load_config(DEMO_CONFIG)
    assert len(config.parties.regions) == 15
    assert config.tz.key == "Europe/Oslo"
    assert config.schedule.cron == "0 9 * * 1-5"


def test_parse_config_accepts_the_demo_text() -> None:
    assert parse_config(demo_text()).milestone("signing") is not None


@pytest.mark.parametrize("bad", ["02-30", "13-01", "31.03", "3-31"])
def test_bad_date_names_the_window_and_its_line(bad: str) -> None:
    old = 'window: {from: "01-01", to: "03-31"}'  # national-spring, milestones[4]
    text = replace_once(demo_text(), old, f'window: {{from: "01-01", to: "{bad}"}}')
    (problem,) = problems_of(text)
    line = line_no(text, 'to: "' + bad + '"')
    assert problem.startswith(f"app.yaml:{line}: milestones[4].window.to")


def test_window_that_ends_before_it_starts() -> None:
    text = replace_once(demo_text(), 'window: {from: "10-01", to: "11-30"}', 'window: {from: "11-30", to: "10-01"}')
    (problem,) = problems_of(text)
    line = line_no(text, 'from: "11-30"')
    assert problem == f"app.yaml:{line}: milestones[6].window: the window ends before it starts"


def test_unknown_party_of_a_person() -> None:
    text = replace_once(demo_text(), "party: vestland, role", "party: narnia, role")
    (problem,) = problems_of(text)
    assert problem.startswith(f"app.yaml:{line_no(text, 'narnia')}: people[1].party: ")
    assert "narnia" in problem


def test_unknown_after_milestone() -> None:
    text = replace_once(demo_text(), "after: [{key: national-autumn}]", "after: [{key: national-autum}]")
    (problem,) = problems_of(text)
    assert problem.startswith(f"app.yaml:{line_no(text, 'national-autum}')}: milestones[7].after[0].key: ")
    assert "national-autum" in problem


def test_bad_cron() -> None:
    text = replace_once(demo_text(), 'cron: "0 9 * * 1-5"', 'cron: "0 25 * * 1-5"')
    (problem,) = problems_of(text)
    assert problem.startswith(f"app.yaml:{line_no(text, 'cron:')}: reminders.cron: ")


def test_duplicate_top_level_key() -> None:
    text = replace_once(demo_text(), "timezone: Europe/Oslo\n", "timezone: Europe/Oslo\ntimezone: UTC\n")
    (problem,) = problems_of(text)
    assert problem.startswith(f"app.yaml:{line_no(text, 'timezone: UTC')}: timezone: ")
    assert "duplicate" in problem


def test_duplicate_key_inside_a_mapping() -> None:
    text = replace_once(
        demo_text(),
        '    scope: national\n    responsible: coordinator\n    window: {from: "10-01"',
        '    scope: national\n    scope: regional  # again\n    responsible: coordinator\n    window: {from: "10-01"',
    )
    (problem,) = problems_of(text)
    assert problem.startswith(f"app.yaml:{line_no(text, '# again')}: milestones[6].scope: ")
    assert "duplicate" in problem


def test_duplicate_milestone_key() -> None:
    text = replace_once(demo_text(), "  - key: assignments\n", "  - key: signing\n")
    problems = problems_of(text)
    assert any(p.startswith("app.yaml:") and "milestones[3].key: duplicate key 'signing'" in p for p in problems)


def test_yaml_syntax_error_names_its_line() -> None:
    text = replace_once(demo_text(), 'cron: "0 9 * * 1-5"', 'cron: "0 9 * * 1-5')
    (problem,) = problems_of(text)
    assert "YAML syntax error" in problem
    number = int(problem.split(":")[1])
    assert abs(number - line_no(text, "cron:")) <= 2


def test_unbalanced_flow_mapping_is_a_syntax_error() -> None:
    siva = '{key: SIVA, name: "Siva", aliases: ["Siva SF"]}'
    text = replace_once(demo_text(), siva, siva[:-1])
    (problem,) = problems_of(text)
    assert "YAML syntax error" in problem
    assert int(problem.split(":")[1]) >= line_no(text, "key: SIVA")


def test_unknown_key_is_refused() -> None:
    text = replace_once(demo_text(), "    suggested_month: 4\n", "    suggested_month: 4\n    sugested: 5\n")
    (problem,) = problems_of(text)
    assert problem.startswith(f"app.yaml:{line_no(text, 'sugested')}: milestones[5].sugested")


def test_several_problems_are_all_reported() -> None:
    text = replace_once(demo_text(), "party: vestland, role", "party: narnia, role")
    text = replace_once(text, "after: [{key: national-autumn}]", "after: [{key: nowhere}]")
    problems = problems_of(text)
    assert len(problems) == 2


def test_load_config_of_a_missing_file(tmp_path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "nope.yaml")
    assert "nope.yaml" in str(caught.value)


@pytest.mark.parametrize("minute", ["0", "00", "7", "59", "60", "99"])
@pytest.mark.parametrize("hour", ["0", "09", "23", "24"])
def test_a_plain_cron_is_read_as_croniter_reads_it(minute: str, hour: str) -> None:
    """`bot.model.config` accepts «M H * * D[-D]» without importing croniter (start-up): exactly the forms
    croniter accepts, every weekday and range of weekdays included."""
    from croniter import croniter

    for days in ["*", *map(str, range(7)), *(f"{a}-{b}" for a in range(7) for b in range(7))]:
        cron = f"{minute} {hour} * * {days}"
        text = replace_once(demo_text(), 'cron: "0 9 * * 1-5"', f'cron: "{cron}"')
        if croniter.is_valid(cron):
            assert parse_config(text).schedule.cron == cron
        else:
            with pytest.raises(ConfigError):
                parse_config(text)
