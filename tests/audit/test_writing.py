"""--fix writes atomically, from the bytes it audited, once per real file, inside the given paths, byte for byte."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from django_http_compat.features import FEATURES

from .tools import REPO, audit_cli

OLD = "def view(request):\n    xx.save()\n    return request.raw_post_data\n"
NEW = "def view(request):\n    xx.save()\n    return request.body\n"


def test_a_failed_write_leaves_the_file_whole_and_the_run_goes_on(tmp_path):
    # issue 18 item 2: a write cut off at 64 KB used to leave a truncated file that still compiled.
    big = tmp_path / "big.py"
    big.write_text(OLD + "".join(f"value_{i} = {i}  # padding to pass the size limit\n" for i in range(4000)))
    small = tmp_path / "small.py"
    small.write_text(OLD)
    original = big.read_bytes()
    assert len(original) > 150_000
    limited = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))\n"
        "from django_http_compat.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            limited,
            "audit",
            "--fix",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert big.read_bytes() == original
    assert small.read_text() == NEW
    assert f"{big}: not rewritten" in done.stderr
    assert done.returncode == 1, done.stderr  # the use left in big.py remains
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_the_file_keeps_its_mode(tmp_path):
    path = tmp_path / "views.py"
    path.write_text(OLD)
    path.chmod(0o640)
    assert audit_cli("--fix", str(tmp_path))[0] == 0
    assert path.read_text() == NEW
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_file_reached_twice_is_fixed_once(tmp_path):
    # issue 18 item 3: the second path applied stale positions (xx.save() -> xx.body()).
    (tmp_path / "views.py").write_text("def view(request):\n    a = request.raw_post_data; xx.save()\n")
    (tmp_path / "alias.py").symlink_to(tmp_path / "views.py")
    (tmp_path / "pkg").mkdir()
    code, out, err = audit_cli("--fix", str(tmp_path), str(tmp_path / "views.py"), str(tmp_path / "pkg"))
    assert (tmp_path / "views.py").read_text() == "def view(request):\n    a = request.body; xx.save()\n"
    assert "Fixed 1 use in 1 file." in out
    assert code == 0, err


def test_links_out_of_the_tree_are_neither_audited_nor_written(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "views.py").write_text(OLD)
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "linked.py").symlink_to(outside / "views.py")
    (tree / "linked_dir").symlink_to(outside, target_is_directory=True)
    code, out, _ = audit_cli("--fix", str(tree))
    assert (outside / "views.py").read_text() == OLD
    assert code == 0 and "0 legacy uses in 0 of 0 files" in out


def test_a_file_changed_during_the_run_is_left_alone(tmp_path, monkeypatch):
    from django_http_compat.audit import writing
    from django_http_compat.audit.files import resolved_roots

    path = tmp_path / "views.py"
    path.write_text(OLD)
    reads = []
    real_read = writing.read_bytes

    def read_then_change(name, max_bytes):
        data = real_read(name, max_bytes)
        reads.append(name)
        if len(reads) == 1:  # someone edits the file after it was audited
            path.write_text("xx = 1\n" + OLD)
        return data

    monkeypatch.setattr(writing, "read_bytes", read_then_change)
    result = writing.rewrite(str(path), resolved_roots([tmp_path]), FEATURES, write=True)
    assert path.read_text() == "xx = 1\n" + OLD
    assert result.problem == "not rewritten: it changed while the audit ran" and result.done == []


def test_nothing_outside_the_roots_is_written(tmp_path):
    from django_http_compat.audit import writing
    from django_http_compat.audit.files import resolved_roots

    path = tmp_path / "views.py"
    path.write_text(OLD)
    result = writing.rewrite(str(path), resolved_roots([tmp_path / "elsewhere"]), FEATURES, write=True)
    assert result.problem == "not rewritten: it lies outside the audited paths"
    assert path.read_text() == OLD


@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b"\r"], ids=["LF", "CRLF", "CR"])
@pytest.mark.parametrize(
    "head",
    [b"", b"\xef\xbb\xbf", b"# -*- coding: latin-1 -*-"],
    ids=["plain", "BOM", "latin-1 cookie"],
)
def test_line_endings_bom_and_coding_cookie_round_trip(tmp_path, ending, head):
    # issue 18 item 5: CR-only files lost their final \r.
    lines = [head + b"x = '\xe9'" if head.startswith(b"#") else head + b"x = 1", b"def view(request):"]
    lines += [b"    return request.raw_post_data", b""]
    if head.startswith(b"#"):
        lines[0:1] = [head, b"x = '\xe9'"]
    path = tmp_path / "views.py"
    path.write_bytes(ending.join(lines))
    assert audit_cli("--fix", str(path))[0] == 0
    assert path.read_bytes() == ending.join(lines).replace(b"raw_post_data", b"body")


def test_mixed_line_endings_round_trip(tmp_path):
    path = tmp_path / "views.py"
    path.write_bytes(b"import os\r\ndef view(request):\n    return request.raw_post_data\r\n")
    assert audit_cli("--fix", str(path))[0] == 0
    assert path.read_bytes() == b"import os\r\ndef view(request):\n    return request.body\r\n"


def test_a_file_libcst_cannot_reproduce_is_left_and_reported(tmp_path):
    path = tmp_path / "views.py"
    source = b"import os\n\x0cdef view(request):\n    return request.raw_post_data\n"
    path.write_bytes(source)
    code, out, err = audit_cli("--fix", str(path))
    assert path.read_bytes() == source
    assert code == 1 and "not rewritten: LibCST does not reproduce it byte for byte" in err
