"""Pure logic behind build choices: which pages list every lesson, which languages a preview builds, compiled templates kept for every language, and scripts minified in one run."""

import subprocess

import jinja2
import pytest

from curriculum import assets, languages, navigation, template_cache

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


def test_a_template_is_compiled_once_for_every_language_and_again_when_edited(tmp_path):
    (tmp_path / "page.html").write_text("<p>{{ title }}</p>", encoding="utf-8")
    cache = template_cache.InMemory()
    compiled = []

    def environment():
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), bytecode_cache=cache)
        compile_source = env.compile
        env.compile = lambda *args, **kwargs: compiled.append(args[1]) or compile_source(*args, **kwargs)
        return env

    # One environment per language, as the i18n plugin makes them.
    rendered = [environment().get_template("page.html").render(title=lang) for lang in ("en", "es", "fa")]
    assert rendered == ["<p>en</p>", "<p>es</p>", "<p>fa</p>"]
    assert compiled == ["page.html"]
    (tmp_path / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    assert environment().get_template("page.html").render(title="es") == "<h1>es</h1>"
    assert compiled == ["page.html", "page.html"]


def test_the_preview_looks_for_saved_files_ten_times_a_second(tmp_path):
    import preview
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path))
    assert [emitter.timeout for emitter in server.observer.emitters] == [0.5]  # MkDocs' own pace
    preview.on_serve(server, None, None)
    assert [emitter.timeout for emitter in server.observer.emitters] == [preview.POLL_SECONDS]
    assert server.build_delay == preview.SETTLE_SECONDS


def test_scripts_are_minified_in_one_run_like_terser_on_each_file(tmp_path):
    sources = {
        "a.js": "// a comment that goes\nfunction greet(name) {\n  const message = 'Hello, ' + name;\n  return message;\n}\n",
        "b.js": "const unused = 1;\nexport function twice(value) { return value * 2; }\n",
    }
    for name, text in sources.items():
        (tmp_path / name).write_text(text)
        (tmp_path / f"cli-{name}").write_text(text)
    sizes = assets.minify(tmp_path / "a.js", tmp_path / "b.js")
    for name in sources:
        cli = tmp_path / f"cli-{name}"
        subprocess.run([assets.BIN / "terser", cli, "--compress", "--mangle", "--output", cli], check=True)
        assert (tmp_path / name).read_text() == cli.read_text()
        assert sizes[tmp_path / name] == (len(sources[name]), len(cli.read_bytes()))
    assert "comment" not in (tmp_path / "a.js").read_text()


def test_a_script_that_does_not_parse_is_named_in_the_error(tmp_path):
    (tmp_path / "good.js").write_text("let a = 1;\n")
    (tmp_path / "broken.js").write_text("function ( {\n")
    with pytest.raises(subprocess.CalledProcessError) as failure:
        assets.minify(tmp_path / "good.js", tmp_path / "broken.js")
    assert f"{tmp_path / 'broken.js'}:" in failure.value.stderr
    assert f"{tmp_path / 'broken.js'}:1:" in failure.value.stderr  # the line, for the contributor's editor


def test_builds_hand_work_to_a_second_process_unless_told_not_to(monkeypatch):
    import build_worker

    monkeypatch.delenv(build_worker.ONE_PROCESS, raising=False)
    assert build_worker.available()  # Linux forks
    assert build_worker.submit(sum, [1, 2, 3]).result() == 6
    build_worker.close()
    monkeypatch.setenv(build_worker.ONE_PROCESS, "1")  # scripts/build: two builds at once, one per core
    assert not build_worker.available()
