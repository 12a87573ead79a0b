"""One cast of worked-example teams: every lesson agrees with data/teams.yml."""

import re

import pytest
import yaml

from helpers import ROOT, load_real_curriculum

TEAMS = yaml.safe_load((ROOT / "data" / "teams.yml").read_text(encoding="utf-8"))["teams"]
NAMES = [team["name"] for team in TEAMS]
RETIRED = {old: team["name"] for team in TEAMS for old in team.get("formerly") or []}
CURRICULUM = load_real_curriculum()
LESSONS = CURRICULUM.lessons()
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
# "a team of four", "an invented team of five", "a four-person team"
TEAM_SIZE = re.compile(r"\bteam of (two|three|four|five|six|seven|eight)\b|\b(two|three|four|five|six)-person team\b")


def worked_example(lesson) -> str:
    """The text of the lesson's worked-example section, up to the next section of the same level."""
    body = lesson.source.body
    start = body.index("{#worked-example}")
    end = body.find("\n## ", start)
    return body[start : end if end != -1 else len(body)]


def named_teams(text: str) -> list[dict]:
    return [team for team in TEAMS if re.search(rf"\b{re.escape(team['name'])}\b", text)]


@pytest.fixture(params=LESSONS, ids=[lesson.meta["id"] for lesson in LESSONS])
def lesson(request):
    return request.param


def test_reference_is_well_formed():
    assert len(set(NAMES)) == len(NAMES), "a team name is used twice in data/teams.yml"
    assert not set(RETIRED) & set(NAMES), "a retired name is also a current team's name"
    for team in TEAMS:
        missing = {"name", "country", "city", "size", "founders", "product", "forge"} - set(team)
        assert not missing, f"data/teams.yml: {team.get('name')} lacks {sorted(missing)}"
        assert 1 <= team["founders"] <= team["size"], team["name"]


def test_worked_example_follows_a_team_of_the_cast(lesson):
    section = worked_example(lesson)
    assert named_teams(section), (
        f"{lesson.source.path}: the worked example names none of the teams in data/teams.yml ({', '.join(NAMES)}); "
        "follow one of them, or add the team to data/teams.yml first"
    )


def test_worked_example_keeps_the_teams_size_and_city(lesson):
    section = worked_example(lesson)
    teams = named_teams(section)
    cities = {team["city"]: team for team in TEAMS}
    for city, owner in cities.items():
        if re.search(rf"\b{city}\b", section):
            assert owner in teams, (
                f"{lesson.source.path}: the worked example places a team in {city}, "
                f"the city of {owner['name']}, but does not name that team"
            )
    first = teams[0] if teams else None
    for match in TEAM_SIZE.finditer(section):
        size = NUMBER_WORDS[match.group(1) or match.group(2)]
        assert first and size == first["size"], (
            f"{lesson.source.path}: the worked example says '{match.group(0)}', "
            f"but {first['name'] if first else 'its team'} has {first['size'] if first else '?'} people in data/teams.yml"
        )


def test_every_invented_team_is_in_the_cast():
    """A sentence that introduces an invented team or product names a team of the reference."""
    strays = []
    for entry in CURRICULUM.entries:
        if entry.lang != CURRICULUM.default_language:
            continue
        for offset, line in enumerate(entry.source.body.split("\n")):
            if re.search(r"\binvented (team|app|tool|platform|service)\b", line) and not named_teams(line):
                strays.append(f"{entry.source.path}:{entry.source.body_line + offset}: {line.strip()[:100]}")
    assert strays == [], "introduce a team from data/teams.yml by name:\n" + "\n".join(strays)


def test_no_page_uses_a_retired_team_name():
    found = []
    for entry in CURRICULUM.entries:
        text = entry.source.body + "\n" + yaml.safe_dump(entry.meta, allow_unicode=True)
        for old, current in RETIRED.items():
            if re.search(rf"\b{re.escape(old)}\b", text, re.IGNORECASE):
                found.append(f"{entry.source.path}: '{old}' is now '{current}'")
    assert found == []
