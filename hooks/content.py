"""MkDocs adapter for steps 1-2: read every source, validate it, stop the build on any problem.

Runs before every other plugin (high priority), so nothing works on content that is wrong.
"""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from curriculum.checked import for_build
from curriculum.problems import ContentError


def curriculum_of(config):
    i18n = config.plugins.get("i18n")
    return for_build(config.docs_dir, config.config_file_path, i18n.config if i18n else None)


@event_priority(100)
def on_config(config):
    try:
        curriculum_of(config)
    except ContentError as error:
        raise PluginError(str(error)) from None
    return config
