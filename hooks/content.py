"""MkDocs adapter for steps 1-2: read every source, validate it, stop the build on any problem.

Runs before every other plugin (high priority), so nothing works on content that is wrong.
"""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_context import curriculum_of
from curriculum.problems import ContentError


@event_priority(100)
def on_config(config):
    try:
        curriculum_of(config)
    except ContentError as error:
        raise PluginError(str(error)) from None
    return config
