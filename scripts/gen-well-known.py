#!/usr/bin/env python3
"""Generate uni-error-core/src/value/well_known/table.rs from the WeChat errno data.

Reads uni-error-core/data/wechat-errno.tsv and uni-error-core/data/wechat-errno-categories.tsv
(see /work/shared/data/README.md for where they come from) and writes the two
static tables the `well_known` module looks codes up in.

Usage, from anywhere in the repository:

    python3 scripts/gen-well-known.py           # (re)write the table
    python3 scripts/gen-well-known.py --check   # exit 1 if the table is stale

Python 3.11, standard library only. The data is validated before anything is
written: a malformed row stops the run with a message naming it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "uni-error-core" / "data"
ERRNO_TSV = DATA / "wechat-errno.tsv"
CATEGORIES_TSV = DATA / "wechat-errno-categories.tsv"
OUT = ROOT / "uni-error-core" / "src" / "value" / "well_known" / "table.rs"

ERRNO_HEADER = ["errno", "errMsg", "meaning_zh", "category", "subcategory"]
CATEGORIES_HEADER = ["category", "subcategory", "name_zh", "name_en"]


def fail(msg: str) -> None:
    sys.exit(f"gen-well-known: {msg}")


def read_tsv(path: Path, header: list[str]) -> list[tuple[int, list[str]]]:
    """Rows as (line number, fields); the header must match exactly."""
    text = path.read_bytes().decode("utf-8")  # strict: bad UTF-8 is an error
    if "\r" in text:
        fail(f"{path.name}: carriage return found (expected LF line ends)")
    if not text.endswith("\n"):
        fail(f"{path.name}: missing final newline")
    lines = text[:-1].split("\n")
    if lines[0].split("\t") != header:
        fail(f"{path.name}: header is {lines[0]!r}, expected {chr(9).join(header)!r}")
    rows = []
    for lineno, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != len(header):
            fail(f"{path.name}:{lineno}: {len(fields)} fields, expected {len(header)}")
        rows.append((lineno, fields))
    return rows


def two_digits(path: Path, lineno: int, what: str, s: str) -> int:
    if len(s) != 2 or not s.isascii() or not s.isdigit():
        fail(f"{path.name}:{lineno}: {what} {s!r} is not two digits")
    return int(s)


def page_class(errno: int) -> tuple[int, int]:
    """The (category, subcategory) the page files a code under (data README)."""
    if errno < 10_000:
        return (0, 0)
    return (errno // 100_000, errno // 1_000 % 100)


def rust_str(s: str) -> str:
    """A Rust string literal holding exactly `s`."""
    out = ['"']
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029\ufeff":
            out.append(f"\\u{{{ord(ch):x}}}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def opt_str(s: str) -> str:
    return "None" if s == "" else f"Some({rust_str(s)})"


def load_errnos() -> list[tuple[int, str, str]]:
    rows = []
    prev = -1
    for lineno, (n, msg, meaning, cat, sub) in read_tsv(ERRNO_TSV, ERRNO_HEADER):
        if not n.isascii() or not n.isdigit() or (len(n) > 1 and n[0] == "0"):
            fail(f"{ERRNO_TSV.name}:{lineno}: errno {n!r} is not a plain decimal number")
        errno = int(n)
        if errno > 9_999_999:
            fail(f"{ERRNO_TSV.name}:{lineno}: errno {errno} has more than 7 digits")
        if errno <= prev:
            fail(f"{ERRNO_TSV.name}:{lineno}: errno {errno} is not above the previous row's {prev}")
        prev = errno
        c = two_digits(ERRNO_TSV, lineno, "category", cat)
        s = two_digits(ERRNO_TSV, lineno, "subcategory", sub)
        if (c, s) != page_class(errno):
            fail(f"{ERRNO_TSV.name}:{lineno}: errno {errno} is filed under {cat}/{sub}, "
                 f"its digits say {page_class(errno)}")
        for what, text in (("errMsg", msg), ("meaning_zh", meaning)):
            if text != text.strip():
                fail(f"{ERRNO_TSV.name}:{lineno}: {what} has leading or trailing white space")
        rows.append((errno, msg, meaning))
    return rows


def load_categories() -> list[tuple[int, int | None, str, str]]:
    rows = []
    prev: tuple[int, int] = (-1, -1)
    first_levels = set()
    for lineno, (cat, sub, zh, en) in read_tsv(CATEGORIES_TSV, CATEGORIES_HEADER):
        c = two_digits(CATEGORIES_TSV, lineno, "category", cat)
        s = None if sub == "" else two_digits(CATEGORIES_TSV, lineno, "subcategory", sub)
        if not zh or not en:
            fail(f"{CATEGORIES_TSV.name}:{lineno}: empty name")
        key = (c, -1 if s is None else s)  # first level sorts before its children
        if key <= prev:
            fail(f"{CATEGORIES_TSV.name}:{lineno}: {cat}/{sub} is out of order or repeated")
        prev = key
        if s is None:
            first_levels.add(c)
        elif c not in first_levels:
            fail(f"{CATEGORIES_TSV.name}:{lineno}: {cat}/{sub} has no first-level row {cat}")
        rows.append((c, s, zh, en))
    return rows


def render(errnos: list[tuple[int, str, str]], cats: list[tuple[int, int | None, str, str]]) -> str:
    out = [
        "// @generated by scripts/gen-well-known.py from uni-error-core/data/wechat-errno.tsv",
        "// and uni-error-core/data/wechat-errno-categories.tsv. Do not edit by hand:",
        "// change the data (or the script) and regenerate from the repository root with",
        "//     python3 scripts/gen-well-known.py",
        "",
        "//! The WeChat errno table and category tree, generated from `uni-error-core/data/`.",
        "",
        "use super::WellKnown;",
        "",
        f"/// Every errno the WeChat page lists ({len(errnos)}), sorted by errno:",
        "/// `(errno, errMsg, 含义)`, `None` where the page leaves a cell blank.",
        "#[rustfmt::skip]",
        f"pub(crate) static WELL_KNOWN: [WellKnown; {len(errnos)}] = [",
    ]
    for errno, msg, meaning in errnos:
        out.append(f"    WellKnown::row({errno}, {opt_str(msg)}, {opt_str(meaning)}),")
    out += [
        "];",
        "",
        f"/// The page's category tree ({len(cats)} classes) in its order, which is sorted by",
        "/// `(category, subcategory)` with a first-level class (`None`) before its",
        "/// children: `(category, subcategory, name_zh, name_en)`. `name_en` is this",
        "/// project's translation.",
        "#[rustfmt::skip]",
        f"pub(crate) static CATEGORIES: [(u8, Option<u8>, &str, &str); {len(cats)}] = [",
    ]
    for c, s, zh, en in cats:
        sub = "None" if s is None else f"Some({s})"
        out.append(f"    ({c}, {sub}, {rust_str(zh)}, {rust_str(en)}),")
    out += ["];", ""]
    return "\n".join(out)


def main() -> None:
    check = sys.argv[1:] == ["--check"]
    if sys.argv[1:] and not check:
        fail("usage: gen-well-known.py [--check]")
    errnos = load_errnos()
    cats = load_categories()
    text = render(errnos, cats)
    rel = OUT.relative_to(ROOT)
    if check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else None
        if current != text:
            fail(f"{rel} is out of date: run python3 scripts/gen-well-known.py")
        print(f"{rel} is up to date ({len(errnos)} errnos, {len(cats)} categories)")
        return
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {rel}: {len(errnos)} errnos, {len(cats)} categories")


if __name__ == "__main__":
    main()
