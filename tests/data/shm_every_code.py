"""Test peer for tst_cli: a real Python process holding a SharedMemory block with one value of
every type code, so that shmscope-cli is checked against what CPython itself stored.

usage: python3 shm_every_code.py NAME

1. Creates the block NAME (multiprocessing.shared_memory) and fills it with struct.pack_into at the
   offsets of a ctypes Structure (the natural alignment that ShmScope layouts use).
2. Prints one JSON line: {"pid", "size", "layout", "values": {field: [values as read back by Python]}}.
3. Reads `shmscope-cli read NAME --layout ... --json` output from stdin until EOF, compares every value
   exactly (Python's json keeps 64-bit integers exact), prints "match" or the first mismatch.
4. Closes and unlinks the block; exits 0 on a match, 1 otherwise.
"""
import ctypes
import os
import json
import struct
import sys
from multiprocessing import shared_memory

# (field name, type code, ctypes type, value to store). Extremes of each range, a non-ASCII
# character for 'u', a non-ASCII byte for 'c', and a float that float32 cannot hold exactly.
FIELDS = [
    ("schar", "b", ctypes.c_byte, -128),
    ("uchar", "B", ctypes.c_ubyte, 255),
    ("wchar", "u", ctypes.c_wchar, "\u4e2d"),
    ("short", "h", ctypes.c_short, -32768),
    ("ushort", "H", ctypes.c_ushort, 65535),
    ("int", "i", ctypes.c_int, -2147483648),
    ("uint", "I", ctypes.c_uint, 4294967295),
    ("long", "l", ctypes.c_long, -(2**63)),
    ("ulong", "L", ctypes.c_ulong, 2**64 - 1),
    ("longlong", "q", ctypes.c_longlong, 2**63 - 1),
    ("ulonglong", "Q", ctypes.c_ulonglong, 2**64 - 2),
    ("float", "f", ctypes.c_float, 3.14),
    ("double", "d", ctypes.c_double, -0.1),
    ("char", "c", ctypes.c_char, b"\xe9"),
    ("bool", "?", ctypes.c_bool, True),
]
ARRAYS = [
    ("ints", "i", ctypes.c_int, [1, -2, 3]),
    ("text", "c", ctypes.c_char, b"hello"),
]


class Block(ctypes.Structure):
    _fields_ = [(name, ctype) for name, _, ctype, _ in FIELDS] + [
        (name, ctype * len(values)) for name, _, ctype, values in ARRAYS
    ]


def as_json_value(code, value):
    if code == "c":  # one byte -> one-character string of that byte (latin-1)
        return (value if isinstance(value, bytes) else bytes([value])).decode("latin-1")
    return value


def main():
    name = sys.argv[1]
    layout = "; ".join(f"{n}:{c}" for n, c, _, _ in FIELDS) + "; " + "; ".join(
        f"{n}:{c}[{len(v)}]" for n, c, _, v in ARRAYS
    )
    shm = shared_memory.SharedMemory(name=name, create=True, size=ctypes.sizeof(Block))
    try:
        # Offsets from the ctypes Structure; bytes stored with struct in native mode (the sizes of
        # PYTHON-FACTS: l is 8 bytes here, where "<l" would be 4), as the seed lessons do.
        # struct has no 'u': a wchar_t goes through ctypes.c_wchar.
        expected = {}
        for field, code, ctype, value in FIELDS + ARRAYS:
            offset = getattr(Block, field).offset
            values = list(value) if isinstance(value, list) else [value]
            if isinstance(value, bytes) and len(value) > 1:
                values = [bytes([b]) for b in value]
            size = ctypes.sizeof(ctype)
            read_back = []
            for index, element in enumerate(values):
                at = offset + index * size
                if code == "u":
                    cell = ctypes.c_wchar.from_buffer(shm.buf, at)
                    cell.value = element
                    read_back.append(cell.value)
                    del cell  # an exported buffer would keep close() from unmapping
                else:
                    struct.pack_into(code, shm.buf, at, element)
                    read_back.append(struct.unpack_from(code, shm.buf, at)[0])
            # What Python reads back is the truth to compare with (3.14 as float32 is 3.140000104904175).
            expected[field] = [as_json_value(code, v) for v in read_back]
        print(json.dumps({"pid": os.getpid(), "size": ctypes.sizeof(Block), "layout": layout,
                          "values": expected}), flush=True)

        output = json.loads(sys.stdin.read())
        got = {f["name"]: f.get("values") for f in output["fields"]}
        for field, values in expected.items():
            if got.get(field) != values or [type(v) for v in got.get(field) or []] != [type(v) for v in values]:
                print(f"mismatch in {field}: shmscope-cli {got.get(field)!r}, Python {values!r}", flush=True)
                return 1
        if output["size"] != ctypes.sizeof(Block) or output["segment"] != name:
            print(f"mismatch in segment/size: {output['segment']!r} {output['size']!r}", flush=True)
            return 1
        print("match", flush=True)
        return 0
    finally:
        shm.unlink()
        shm.close()


if __name__ == "__main__":
    sys.exit(main())
