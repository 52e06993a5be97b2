"""The cache store: entries by key, checked on read, written whole, pruned oldest first."""

from __future__ import annotations

import os

from generator.build import cache


def test_an_entry_reads_back_as_it_was_stored(tmp_path):
    store = cache.Cache(tmp_path)
    store.put("output", "ab" * 32, b"some bytes")
    assert store.get("output", "ab" * 32) == b"some bytes"
    assert store.get("output", "cd" * 32) is None
    assert store.get("png", "ab" * 32) is None


def test_a_truncated_entry_is_a_miss_and_is_removed(tmp_path):
    store = cache.Cache(tmp_path)
    store.put("output", "ab" * 32, b"x" * 1000)
    path = next(p for p in tmp_path.rglob("*") if p.is_file())
    path.write_bytes(path.read_bytes()[:500])
    assert store.get("output", "ab" * 32) is None
    assert not path.exists()


def test_fetch_makes_an_entry_once(tmp_path):
    store, made = cache.Cache(tmp_path), []

    def make():
        made.append(1)
        return b"made"

    assert store.fetch("png", "ef" * 32, make) == b"made"
    assert store.fetch("png", "ef" * 32, make) == b"made"
    assert made == [1]


def test_keys_tell_apart_parts_that_would_concatenate_alike():
    assert cache.key("ab", "c") != cache.key("a", "bc")
    assert cache.key(b"x", 1) == cache.key(b"x", "1")
    assert len(cache.key()) == 64


def test_a_store_without_a_folder_holds_nothing(tmp_path):
    store = cache.Cache(None)
    store.put("output", "ab" * 32, b"data")
    assert store.get("output", "ab" * 32) is None and not store.enabled


def test_pruning_removes_the_least_recently_used_entries_first(tmp_path):
    store = cache.Cache(tmp_path, limit=2700)
    for index, name in enumerate(["aa", "bb", "cc"]):
        store.put("output", name * 32, bytes(1000))
        path = next(tmp_path.rglob(name * 32))
        os.utime(path, (1_000_000 + index, 1_000_000 + index))
    store.get("output", "aa" * 32)          # used again: now the youngest
    store.prune()
    assert store.get("output", "bb" * 32) is None
    assert store.get("output", "aa" * 32) is not None and store.get("output", "cc" * 32) is not None
    assert store.size() <= 2700


def test_pruning_removes_a_killed_writers_leftovers(tmp_path):
    store = cache.Cache(tmp_path)
    leftover = tmp_path / "output" / "ab" / ".tmp-123"
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(b"half")
    os.utime(leftover, (1_000_000, 1_000_000))
    store.prune()
    assert not leftover.exists()


def test_the_cache_lives_under_xdg_cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_root() == tmp_path / "deckgen"
    assert cache.active().root == tmp_path / "deckgen"
    monkeypatch.setenv("DECKGEN_NO_CACHE", "1")
    assert not cache.active().enabled
    monkeypatch.setenv("DECKGEN_CACHE_LIMIT", "3")
    assert cache.limit_from_environment() == 3 * 1024 * 1024


def test_an_entry_found_under_another_key_is_a_miss_and_is_removed(tmp_path):
    """A file copied or moved to another entry's place (whole, its checksum right) is not taken
    for that entry: the digest of its own kind and key, which it carries, tells."""
    store = cache.Cache(tmp_path)
    store.put("output", "ab" * 32, b"the pptx")
    store.put("output", "cd" * 32, b"the html")
    store.put("png", "ab" * 32, b"a png")
    first, second = (next(tmp_path.joinpath("output").rglob(name)) for name in ("ab" * 32, "cd" * 32))
    second.write_bytes(first.read_bytes())
    assert store.get("output", "cd" * 32) is None and not second.exists()
    png = next(tmp_path.joinpath("png").rglob("ab" * 32))
    png.write_bytes(first.read_bytes())          # same key, another kind
    assert store.get("png", "ab" * 32) is None
    assert store.get("output", "ab" * 32) == b"the pptx"
