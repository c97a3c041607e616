#!/usr/bin/env python3
"""The Python side of tst_python_interop: real CPython packs and unpacks ShmScope layouts.

Every answer is one JSON line on stdout; values are given as repr() strings, which are exact
(shortest round-trip floats, full-width integers) and are what ShmScope's formatValue must print.

  make NAME SPEC   create SharedMemory NAME laid out like SPEC with ctypes, fill it with Python's
                   own values, print them, wait for stdin to close, then close and unlink
  read NAME SPEC   attach to NAME, decode SPEC with ctypes, print the values, close (never unlink)
  sizes            ctypes/struct/array sizes and alignments of every type code
  store CODE=TEXT...   what ctypes stores for each Python literal TEXT in type CODE, or its error
"""
import ast
import ctypes
import json
import re
import struct
import sys
import warnings
from multiprocessing import resource_tracker, shared_memory
from multiprocessing.sharedctypes import typecode_to_type

CODES = "bBuhHiIlLqQfdc?"
CTYPES = dict(typecode_to_type, **{"?": ctypes.c_bool})

# Values Python picks for each code: the boundaries and the awkward cases.
VALUES = {
    "b": [-128, 127, 44, 0, -1],
    "B": [0, 255, 200],
    "u": ["a", "\u20ac", "\U0001f600", "\x00", "'", "\\"],
    "h": [-32768, 32767, -2],
    "H": [65535, 0, 1],
    "i": [-2**31, 2**31 - 1, 1, -7],
    "I": [2**32 - 1, 0, 7],
    "l": [-2**63, 2**63 - 1, -1],
    "L": [2**64 - 1, 0, 12345678901234567890],
    "q": [-2**63, 2**63 - 1, 42],
    "Q": [2**64 - 1, 0, 2**53 + 1],
    "f": [3.14, -0.0, float("inf"), 1e-45, 3.4028234663852886e38, float("nan"), 0.1],
    "d": [3.14, -0.0, 1e-5, 1e16, 5e-324, 1.7976931348623157e308, float("-inf"), float("nan"), 0.1, 1 / 3],
    "c": [b"a", b"\xe9", b"\x00", b"'", b"\\", b"\n"],
    "?": [True, False],
}


def parse_spec(spec):
    """ShmScope's layout text "name:code[count]; ..." (only well-formed specs are passed here)."""
    fields = []
    for part in re.split(r"[;,]", spec):
        part = part.strip()
        if not part:
            continue
        match = re.fullmatch(r"(\w+)\s*:\s*(\S)\s*(?:\[\s*(\d+)\s*\])?", part)
        name, code, count = match.group(1), match.group(2), match.group(3)
        fields.append((name, code, int(count) if count else None))
    return fields


def structure_for(fields):
    members = [(name, CTYPES[code] * count if count else CTYPES[code]) for name, code, count in fields]
    return type("Layout", (ctypes.Structure,), {"_fields_": members})


def describe(structure, fields, data):
    """repr() of every element, read with ctypes from a copy of the bytes."""
    out = []
    for name, code, count in fields:
        offset = getattr(structure, name).offset
        elements = (CTYPES[code] * (count or 1)).from_buffer_copy(data, offset)
        out.append({"name": name, "code": code, "offset": offset,
                    "repr": [repr(elements[i]) for i in range(count or 1)]})
    return out


def make(name, spec):
    fields = parse_spec(spec)
    structure = structure_for(fields)
    image = structure()
    for field_name, code, count in fields:
        elements = (CTYPES[code] * (count or 1)).from_buffer(image, getattr(structure, field_name).offset)
        for i in range(count or 1):
            elements[i] = VALUES[code][i % len(VALUES[code])]
        del elements
    shm = shared_memory.SharedMemory(name=name, create=True, size=ctypes.sizeof(structure))
    try:
        shm.buf[:ctypes.sizeof(structure)] = bytes(image)
        data = bytes(shm.buf)
        print(json.dumps({"size": ctypes.sizeof(structure), "hex": data.hex(),
                          "fields": describe(structure, fields, data)}), flush=True)
        sys.stdin.read()  # the test closes our stdin once it has checked the segment
    finally:
        shm.close()
        shm.unlink()


def read(name, spec):
    fields = parse_spec(spec)
    structure = structure_for(fields)
    shm = shared_memory.SharedMemory(name=name)
    # We only attach: keep the resource tracker from unlinking the segment (or warning) at exit.
    resource_tracker.unregister(shm._name, "shared_memory")
    try:
        data = bytes(shm.buf)
    finally:
        shm.close()
    print(json.dumps({"size": ctypes.sizeof(structure), "segmentSize": len(data), "hex": data.hex(),
                      "fields": describe(structure, fields, data)}), flush=True)


def sizes():
    answer = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # array('u') is deprecated in newer Pythons
        import array
        for code in CODES:
            ctype = CTYPES[code]
            answer[code] = {
                "ctypesSize": ctypes.sizeof(ctype),
                "ctypesAlignment": ctypes.alignment(ctype),
                "structSize": struct.calcsize("@" + code) if code != "u" else None,
                "arrayItemSize": array.array(code).itemsize if code not in "c?" else None,
            }
    print(json.dumps(answer), flush=True)


def store(assignments):
    answers = []
    for assignment in assignments:
        code, text = assignment.split("=", 1)
        try:
            try:
                literal = ast.literal_eval(text)
            except (ValueError, SyntaxError):
                literal = float(text)  # inf, nan: not literals, but float() reads them
            stored = CTYPES[code](literal).value
            wrapped = isinstance(literal, int) and stored != literal
            answers.append({"repr": repr(stored), "wrapped": wrapped})
        except Exception as error:  # the error is the answer
            answers.append({"error": type(error).__name__ + ": " + str(error)})
    print(json.dumps(answers), flush=True)


def main():
    mode = sys.argv[1]
    if mode == "make":
        make(sys.argv[2], sys.argv[3])
    elif mode == "read":
        read(sys.argv[2], sys.argv[3])
    elif mode == "sizes":
        sizes()
    elif mode == "store":
        store(sys.argv[2:])
    else:
        sys.exit("unknown mode " + mode)


if __name__ == "__main__":
    main()
