"""Files the audit walks and reads: unparseable, deeply nested, huge and special files are skipped and listed."""

from __future__ import annotations

import os
from pathlib import Path

from django_http_compat.audit import audit_paths

from .tools import audit_cli

USE = "def view(request):\n    return request.raw_post_data\n"


def test_a_600_term_expression_is_audited_and_the_run_goes_on(tmp_path):
    # issue 18 item 7: a RecursionError used to end the whole run (no report, exit 1).
    (tmp_path / "generated.py").write_text("total = " + " + ".join(["x"] * 600) + "\n" + USE)
    (tmp_path / "other.py").write_text(USE)
    code, out, err = audit_cli(str(tmp_path))
    assert "Traceback" not in err
    assert out.count("HC102") == 2
    assert code == 1


def test_nesting_python_cannot_parse_is_skipped_and_listed(tmp_path):
    (tmp_path / "deep.py").write_text("request = " + "(" * 300 + "1" + ")" * 300 + "\n")
    (tmp_path / "other.py").write_text(USE)
    code, out, err = audit_cli(str(tmp_path))
    assert f"{tmp_path / 'deep.py'}: skipped, SyntaxError: too many nested parentheses" in err
    assert "HC102" in out and code == 1


def test_a_fifo_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.py")
    (tmp_path / "other.py").write_text(USE)
    code, out, err = audit_cli(str(tmp_path))  # would block forever on open() of the FIFO
    assert f"{tmp_path / 'pipe.py'}: skipped, not a regular file" in err
    assert "HC102" in out and code == 1


def test_files_above_the_size_limit_are_skipped(tmp_path):
    big = tmp_path / "generated.py"
    big.write_text(USE + "".join(f"value_{i} = {i}\n" for i in range(80_000)))
    assert big.stat().st_size > 1024 * 1024
    code, out, err = audit_cli(str(tmp_path))
    assert f"{big}: skipped, larger than 1048576 bytes" in err and code == 1
    code, out, err = audit_cli("--max-file-size", "10000000", str(tmp_path))
    assert "HC102" in out and "skipped," not in err


def test_python_2_and_undecodable_files_are_listed(tmp_path):
    (tmp_path / "py2.py").write_text('print request.REQUEST["q"]\n')
    (tmp_path / "binary.py").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "latin.py").write_bytes(
        b"# -*- coding: latin-1 -*-\ndef v(request):\n    return '\xe9', request.is_ajax()\n"
    )
    code, out, err = audit_cli(str(tmp_path))
    assert code == 1
    assert "py2.py: skipped, SyntaxError" in err and "binary.py: skipped, cannot decode" in err
    assert "latin.py:3:17: HC110" in out
    assert "2 files skipped" in out


def test_a_file_without_any_trigger_word_is_not_even_parsed(tmp_path):
    (tmp_path / "plain.py").write_text('print "no legacy use can be here"\n')
    report = audit_paths([tmp_path], jobs=1)
    assert report.files == 1 and report.skipped == [] and report.findings == []


def test_hidden_cache_and_excluded_directories_are_not_walked(tmp_path):
    for directory in (".git", "__pycache__", "venv", "migrations"):
        (tmp_path / directory).mkdir()
        (tmp_path / directory / "x.py").write_text(USE)
    (tmp_path / "views.py").write_text(USE)
    report = audit_paths([tmp_path], exclude=["migrations"], jobs=1)
    assert [os.path.basename(f.path) for f in report.findings] == ["views.py"]


def test_the_word_prefilter_never_hides_a_finding():
    import django

    from django_http_compat.audit.files import decode, python_files, read_bytes
    from django_http_compat.audit.visitor import ModuleAudit, could_match, parse, patterns_of
    from django_http_compat.features import FEATURES

    from .pypi import CACHE
    from .tools import REPO

    patterns = patterns_of(FEATURES)
    roots = [Path(django.__file__).parent, REPO / "examples", REPO / "tests", CACHE]
    rejected = 0
    for path in python_files([r for r in roots if r.exists()]):
        try:
            text = decode(read_bytes(path, 10 * 1024 * 1024))
            tree = parse(str(path), text)
        except Exception:
            continue
        if not could_match(text, patterns):
            rejected += 1
            assert ModuleAudit(str(path), text, patterns).audit(tree) == [], path
    assert rejected > 300
    for feature in FEATURES:
        assert not feature.patterns or could_match(feature.example, patterns), feature.id
