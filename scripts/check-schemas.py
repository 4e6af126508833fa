#!/usr/bin/env python3
"""Checks Schemas/rundown.schema.json: the schema is valid draft 2020-12, every Playlists/*.json
example conforms, and a set of broken documents (kept below) is rejected.

Usage: python3 scripts/check-schemas.py     (needs the `jsonschema` package: pip install jsonschema)
Prints one line per check and `N passed, N failed` last; exits non-zero when any check fails.
"""
import copy
import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = ROOT / "Schemas" / "rundown.schema.json"

VALID = {
    "channel": "sretv-demo",
    "date": "2026-12-01",
    "items": [
        {"id": "opening", "title": "Apertura", "source": {"kind": "production", "uri": "productions/opening.mp4"}},
    ],
}


def broken(change):
    """A copy of VALID with `change` applied to it (change edits the document in place)."""
    document = copy.deepcopy(VALID)
    change(document)
    return document


def item(**fields):
    """Sets the first item's fields."""
    return lambda document: document["items"][0].update(fields)


def source(**fields):
    """Sets the first item's source fields."""
    return lambda document: document["items"][0]["source"].update(fields)


BROKEN = {
    "hard start 25:00:00": broken(item(start="25:00:00")),
    "unknown source kind": broken(source(kind="satellite")),
    "missing source": broken(lambda d: d["items"][0].pop("source")),
    "unknown field (typo)": broken(item(duraton=30)),
    "unknown top-level field": broken(lambda d: d.update(chanel="x")),
    "out and duration together": broken(item(out=10, duration=10)),
    "negative in": broken(item(**{"in": -1})),
    "zero duration": broken(item(duration=0)),
    "no items": broken(lambda d: d.update(items=[])),
    "bad channel id": broken(lambda d: d.update(channel="SREtv Demo")),
    "bad date": broken(lambda d: d.update(date="2026-13-01")),
    "bad item id": broken(item(id="news 1")),
    "file: URI": broken(source(uri="file:///etc/passwd")),
    "concat: URI": broken(source(uri="concat:a|b")),
    "parent directory": broken(source(uri="../etc/passwd")),
    "absolute path": broken(source(uri="/etc/passwd")),
    "backslash in path": broken(source(uri="productions\\clip.mp4")),
    "NUL in path": broken(source(uri="clip\u0000.mp4")),
    "public without provider": broken(source(kind="public", uri="public/x.mp4")),
    "public link-local URL": broken(source(kind="public", uri="http://169.254.169.254/", provider="X")),
    "live link-local IPv6": broken(source(kind="live", uri="http://[fe80::1]/live")),
    "live without host": broken(source(kind="live", uri="srt://:9000")),
    "live with a path": broken(source(kind="live", uri="studio/feed.ts")),
    "live source name with capitals": broken(source(kind="live", uri="Studio-A")),
    "live with an in point": broken(lambda d: (d["items"][0]["source"].update(kind="live", uri="srt://studio.example:9000"), d["items"][0].update({"in": 3}))),
}


def main():
    passed = failed = 0

    def report(ok, what):
        nonlocal passed, failed
        passed, failed = passed + ok, failed + (not ok)
        print(f"{'ok  ' if ok else 'FAIL'} {what}")

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    try:
        Draft202012Validator.check_schema(schema)
        report(True, "schema is valid draft 2020-12")
    except SchemaError as error:
        report(False, f"schema is invalid: {error.message}")
        print(f"{passed} passed, {failed} failed")
        return 1
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)

    report(not list(validator.iter_errors(VALID)), "the script's valid baseline document passes")
    playlists = sorted((ROOT / "Playlists").glob("*.json"))
    report(bool(playlists), "Playlists/ has examples")
    for path in playlists:
        errors = list(validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))))
        report(not errors, f"{path.relative_to(ROOT)} conforms" + "".join(f"\n     {'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors))
    for name, document in BROKEN.items():
        report(bool(list(validator.iter_errors(document))), f"rejects: {name}")

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
