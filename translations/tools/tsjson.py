#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""SessionScope's helper for translating Qt Linguist catalogs (.ts) outside Qt Linguist.

  tsjson.py export  sessionscope_de.ts [--all] [--sources ROOT]   > todo.json
      Prints the unfinished messages (or all with --all), grouped by context, as JSON. With --sources, each
      message carries the source line(s) it comes from, to read its meaning in the code.
  tsjson.py import  sessionscope_de.ts done.json
      Writes the translations of done.json (the export's shape, each message with a "translation": a string,
      or a list of plural forms) into the catalog and marks them finished. Refuses translations whose
      placeholders, HTML tags, accelerators or line breaks differ from the source.
  tsjson.py check   sessionscope_de.ts [...]
      Lists unfinished, empty or inconsistent translations; exit status 1 when there are any.

After an import, translations/update.sh re-runs lupdate, which writes the catalog back in its own layout.
"""
import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

PLACEHOLDER = re.compile(r"%L?(?:n|[1-9][0-9]?)")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
# Words that name AWS products, APIs, options and files: they must appear unchanged in a translation.
KEEP = [
    "Amazon WorkSpaces Secure Browser", "WorkSpaces Web", "Amazon Q Apps", "Amazon Q Business", "AWS", "IAM",
    "ARN", "SessionScope", "UTC", "CSV", "JSON", "UUID",
]
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")
ENV = re.compile(r"\bAWS_[A-Z_]+\b")


def numerus_forms(language):
    lang = (language or "").split("_")[0]
    return 1 if lang in ("ja", "zh", "ko", "vi", "th") else 2


def accelerators(text):
    # "&&" is a literal ampersand; "&x" marks x as the accelerator; entities (&amp; ...) are not markers.
    stripped = text.replace("&&", "")
    return len(re.findall(r"&(?![a-zA-Z]+;|#)[^\s&]", stripped))


def problems(source, translation, strict_words=True, cjk=False):
    """Reasons a translation does not fit its source, empty when it fits."""
    found = []
    if not translation.strip():
        return ["empty"]
    src_ph = sorted(PLACEHOLDER.findall(source))
    tr_ph = sorted(PLACEHOLDER.findall(translation))
    if src_ph != tr_ph:
        found.append(f"placeholders {src_ph} != {tr_ph}")
    if sorted(TAG.findall(source)) != sorted(TAG.findall(translation)):
        found.append("HTML tags differ")
    if accelerators(source) != accelerators(translation):
        found.append(f"accelerators {accelerators(source)} != {accelerators(translation)}")
    if source.count("\n") != translation.count("\n"):
        # Tooltips, help texts and terminal output keep their line structure (and the CLI its columns).
        found.append(f"line breaks {source.count(chr(10))} != {translation.count(chr(10))}")
    if strict_words:
        for word in KEEP:
            if word in source and word not in translation:
                found.append(f"'{word}' must stay as it is")
        for option in set(OPTION.findall(source)):
            if option not in translation:
                found.append(f"option '{option}' must stay as it is")
        for env in set(ENV.findall(source)):
            if env not in translation:
                found.append(f"variable '{env}' must stay as it is")
    # Spaces at the ends glue fragments and prompts together; Japanese and Chinese glue with their own
    # punctuation ("、…") instead, so a CJK character at the end stands in for the space.
    for at_end in (False, True):
        s_space = source.endswith(" ") if at_end else source.startswith(" ")
        t_space = translation.endswith(" ") if at_end else translation.startswith(" ")
        edge = translation[-1] if at_end else translation[0]
        if s_space != t_space and not (cjk and ord(edge) > 0x2E80):
            found.append("leading/trailing space differs")
    return found


def load(path):
    tree = ET.parse(path)
    return tree, tree.getroot()


def messages(root):
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def key(context, message):
    return (context, message.findtext("source") or "", message.findtext("comment") or "")


def source_lines(root_dir, message, ts_dir):
    lines = []
    for loc in message.iter("location"):
        filename = loc.get("filename")
        line = loc.get("line")
        if not filename or not line:
            continue
        path = (ts_dir / filename).resolve()
        if not path.exists():
            path = (Path(root_dir) / filename).resolve()
        try:
            text = path.read_text(encoding="utf-8").splitlines()
            n = int(line)
            lines.append(f"{filename}:{n}: " + " ".join(t.strip() for t in text[max(0, n - 3) : n + 2]))
        except (OSError, ValueError):
            pass
    return lines


def translation_value(message):
    tr = message.find("translation")
    if tr is None:
        return None
    if message.get("numerus") == "yes":
        return [f.text or "" for f in tr.findall("numerusform")]
    return tr.text or ""


def cmd_export(args):
    tree, root = load(args.ts)
    out = {}
    for context, message in messages(root):
        tr = message.find("translation")
        unfinished = tr is None or tr.get("type") == "unfinished"
        if not (args.all or unfinished):
            continue
        if tr is not None and tr.get("type") in ("vanished", "obsolete"):
            continue
        entry = {"source": message.findtext("source")}
        if message.findtext("comment"):
            entry["comment"] = message.findtext("comment")
        if message.findtext("extracomment"):
            entry["note"] = message.findtext("extracomment")
        if message.get("numerus") == "yes":
            entry["numerus"] = numerus_forms(root.get("language"))
        if args.sources:
            entry["where"] = source_lines(args.sources, message, Path(args.ts).parent)
        if args.all:
            entry["translation"] = translation_value(message)
        out.setdefault(context, []).append(entry)
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def write(tree, path):
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    Path(path).write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def cmd_import(args):
    tree, root = load(args.ts)
    done = json.loads(Path(args.json).read_text(encoding="utf-8"))
    wanted = {}
    for context, entries in done.items():
        for e in entries:
            wanted[(context, e["source"], e.get("comment", ""))] = e.get("translation")
    forms = numerus_forms(root.get("language"))
    cjk = forms == 1
    errors = 0
    applied = 0
    seen = set()
    for context, message in messages(root):
        k = key(context, message)
        if k not in wanted or wanted[k] is None:
            continue
        seen.add(k)
        value = wanted[k]
        source = k[1]
        tr = message.find("translation")
        if tr is None:
            tr = ET.SubElement(message, "translation")
        if message.get("numerus") == "yes":
            if isinstance(value, str):
                value = [value] * forms
            if len(value) != forms:
                print(f"{context}: {source!r}: needs {forms} plural forms, got {len(value)}", file=sys.stderr)
                errors += 1
                continue
            bad = [p for v in value for p in problems(source, v, cjk=cjk)]
            if bad:
                print(f"{context}: {source!r}: {'; '.join(bad)}", file=sys.stderr)
                errors += 1
                continue
            for child in list(tr):
                tr.remove(child)
            tr.text = None
            for v in value:
                ET.SubElement(tr, "numerusform").text = v
        else:
            if not isinstance(value, str):
                print(f"{context}: {source!r}: expected one string", file=sys.stderr)
                errors += 1
                continue
            bad = problems(source, value, cjk=cjk)
            if bad:
                print(f"{context}: {source!r}: {'; '.join(bad)}", file=sys.stderr)
                errors += 1
                continue
            tr.text = value
        if "type" in tr.attrib and tr.get("type") == "unfinished":
            del tr.attrib["type"]
        applied += 1
    for k in wanted:
        if k not in seen and wanted[k] is not None:
            print(f"{k[0]}: {k[1]!r}: not in the catalog", file=sys.stderr)
            errors += 1
    write(tree, args.ts)
    print(f"{args.ts}: {applied} translations written, {errors} refused", file=sys.stderr)
    return 1 if errors else 0


def cmd_check(args):
    status = 0
    for ts in args.ts:
        tree, root = load(ts)
        counts = {"finished": 0, "unfinished": 0, "problems": 0}
        plural_only = Path(ts).stem.endswith("_en")
        for context, message in messages(root):
            tr = message.find("translation")
            kind = tr.get("type") if tr is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            if plural_only and message.get("numerus") != "yes":
                continue
            if kind == "unfinished":
                counts["unfinished"] += 1
                print(f"{ts}: unfinished: {context}: {message.findtext('source')!r}")
                continue
            value = translation_value(message)
            source = message.findtext("source")
            cjk = numerus_forms(root.get("language")) == 1
            values = value if isinstance(value, list) else [value]
            bad = [p for v in values for p in problems(source, v, not plural_only, cjk)]
            if bad:
                counts["problems"] += 1
                print(f"{ts}: {context}: {source!r}: {'; '.join(bad)}")
            else:
                counts["finished"] += 1
        print(f"{ts}: {counts}", file=sys.stderr)
        if counts["unfinished"] or counts["problems"]:
            status = 1
    return status


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("export")
    p.add_argument("ts")
    p.add_argument("--all", action="store_true")
    p.add_argument("--sources", metavar="ROOT")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("import")
    p.add_argument("ts")
    p.add_argument("json")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("check")
    p.add_argument("ts", nargs="+")
    p.set_defaults(func=cmd_check)
    args = parser.parse_args()
    return args.func(args) or 0


if __name__ == "__main__":
    sys.exit(main())
