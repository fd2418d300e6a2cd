"""The user's cache stays bounded: entries of files that are gone are dropped, and only the
most recently used lemma tables of a language are kept."""

import os

from replylint import lemmas
from replylint.cache import FileCache, keep_newest, mark_used
from replylint.language import load_languages


def test_parsed_file_cache_forgets_files_that_are_gone(tmp_path, monkeypatch):
    monkeypatch.setenv("REPLYLINT_CACHE_DIR", str(tmp_path / "cache"))
    kept, gone = tmp_path / "kept.yaml", tmp_path / "gone.yaml"
    kept.write_text("a: 1\n")
    gone.write_text("b: 2\n")
    cache = FileCache("parsed.json", 1)
    cache.put(kept, {"a": 1})
    cache.put(gone, {"b": 2})
    cache.save()
    gone.unlink()
    cache = FileCache("parsed.json", 1)
    assert cache.get(kept) == {"a": 1} and str(gone) in cache.entries  # a read drops nothing
    cache.put(kept, {"a": 1})
    cache.save()
    assert set(FileCache("parsed.json", 1).entries) == {str(kept)}


def test_keep_newest_deletes_the_least_recently_used(tmp_path, monkeypatch):
    monkeypatch.setenv("REPLYLINT_CACHE_DIR", str(tmp_path))
    for age, name in enumerate(["t-a", "t-b", "t-c", "t-d", "other"]):
        path = tmp_path / name
        path.write_text("x")
        os.utime(path, (1_000_000 - age * 100, 1_000_000 - age * 100))  # t-a newest
    mark_used(tmp_path / "t-d")
    keep_newest("t-*", 2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other", "t-a", "t-d"]


def test_lemma_tables_of_a_language_are_bounded(tmp_path, monkeypatch):
    monkeypatch.setenv("REPLYLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(lemmas, "_compile", lambda language, words: {w + "s": w for w in words})
    english, russian = load_languages()["en"], load_languages()["ru"]
    lemmas.form_table(russian, {"слово"})
    for n in range(lemmas.TABLES_KEPT + 3):
        table = lemmas.form_table(english, {f"word{n}"})
        assert table.get(f"word{n}s") == f"word{n}"
    names = [p.name for p in tmp_path.iterdir() if p.suffix == ".sqlite"]
    assert len([n for n in names if n.startswith("forms-en-")]) == lemmas.TABLES_KEPT
    assert len([n for n in names if n.startswith("forms-ru-")]) == 1
    assert lemmas.form_table(english, {f"word{lemmas.TABLES_KEPT + 2}"}).get(f"word{lemmas.TABLES_KEPT + 2}s")  # the newest is read back
