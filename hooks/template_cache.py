"""MkDocs adapter: every language's Jinja environment shares one bytecode cache (curriculum/template_cache.py)."""

from curriculum.template_cache import SHARED


def on_env(env, config, files):
    env.bytecode_cache = SHARED
    return env
