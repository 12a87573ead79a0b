"""Pure logic behind two build choices: which pages list every lesson, and which languages a preview builds."""

import pytest

from curriculum import languages, navigation

SETTINGS = {"languages": [{"locale": "en", "default": True}, {"locale": "es"}, {"locale": "fa"}]}


@pytest.mark.parametrize(
    ("src", "full"),
    [
        ("index.md", True),
        ("01-licensing/index.md", True),
        ("01-licensing/choosing-a-license.md", False),
        ("01-licensing/checklist.md", False),
        ("glossary.md", False),
        ("mentors/index.md", False),
    ],
)
def test_only_home_and_module_pages_show_the_full_map(src, full):
    features = navigation.features_for(["navigation.indexes", "toc.follow"], src)
    assert (navigation.PRUNE not in features) is full
    assert features[:2] == ["navigation.indexes", "toc.follow"]


def test_pruning_is_decided_per_page_not_inherited():
    pruned = navigation.features_for(["navigation.indexes"], "glossary.md")
    assert navigation.features_for(pruned, "index.md") == ["navigation.indexes"]


def test_a_preview_builds_the_chosen_language_and_the_default():
    assert languages.preview_languages(SETTINGS, "fa") == ["en", "fa"]
    assert languages.preview_languages(SETTINGS, "en") == ["en"]
    with pytest.raises(ValueError, match="choose one of en, es, fa"):
        languages.preview_languages(SETTINGS, "de")
