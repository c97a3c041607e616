#!/usr/bin/env python3
"""Fill the .ts files after lupdate: English is the source text itself, Chinese comes from zh_CN_table.py.

Run through update-translations.sh (one command refreshes both files):

    resources/translations/update-translations.sh [build-dir]

Every text the table lacks stays type="unfinished" and is listed here, so tst_i18n fails until the
table has it. A translation whose %1/%n placeholders differ from its source's is refused the same way.
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from zh_CN_table import TRANSLATIONS  # noqa: E402

PLACEHOLDER = re.compile(r"%L?\d+|%n")


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text)))


def fill(ts_path, translate):
    tree = ET.parse(ts_path)
    missing = []
    for context in tree.getroot().iter("context"):
        context_name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            text = translate(context_name, source)
            if text is None or placeholders(text) != placeholders(source):
                missing.append(f"{context_name}: {source!r}")
                translation.set("type", "unfinished")
                continue
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                # Chinese and English alike: one form for English's singular... English needs two.
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                forms = 2 if tree.getroot().get("language", "").startswith("en") else 1
                for _ in range(forms):
                    ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
    header = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
    ET.indent(tree, space="    ")
    ts_path.write_text(header + ET.tostring(tree.getroot(), encoding="unicode") + "\n", encoding="utf-8")
    return missing


def english(_context, source):
    return source


def chinese(_context, source):
    return TRANSLATIONS.get(source)


def main():
    problems = []
    problems += fill(HERE / "shmscope_en.ts", english)
    problems += fill(HERE / "shmscope_zh_CN.ts", chinese)
    for line in problems:
        print("untranslated:", line)
    print(f"fill_translations: {len(TRANSLATIONS)} Chinese texts in the table, {len(problems)} missing")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
