"""Experiment 3: read one field of every type code with ctypes and compare with what ShmScope wrote."""
import ctypes
import struct
import sys
from multiprocessing import resource_tracker, shared_memory

# code -> (ctypes type, the seed table's minimum size, the value ShmScope's initial state stores)
FIELDS = [
    ("b", ctypes.c_byte, 1, 44),  # Value('b', 300) wraps to 44
    ("B", ctypes.c_ubyte, 1, 255),
    ("u", ctypes.c_wchar, 2, "字"),
    ("h", ctypes.c_short, 2, -2),
    ("H", ctypes.c_ushort, 2, 65535),
    ("i", ctypes.c_int, 2, -2147483648),  # Value('i', 2**31)
    ("I", ctypes.c_uint, 2, 4294967295),  # Value('I', -1)
    ("l", ctypes.c_long, 4, -3),
    ("L", ctypes.c_ulong, 4, 2**40),
    ("q", ctypes.c_longlong, 8, -2**63),
    ("Q", ctypes.c_ulonglong, 8, 2**64 - 1),
    ("f", ctypes.c_float, 4, struct.unpack("f", struct.pack("f", 3.14))[0]),
    ("d", ctypes.c_double, 8, 3.14),
    ("c", ctypes.c_char, 1, b"A"),
    ("t", ctypes.c_bool, 1, True),
]


class Types(ctypes.Structure):
    _fields_ = [(name, ctype) for name, ctype, _, _ in FIELDS]


shm = shared_memory.SharedMemory(sys.argv[1])
# Only attached: keep Python's resource tracker from unlinking ShmScope's segment at exit.
resource_tracker.unregister(shm._name, "shared_memory")
values = Types.from_buffer(shm.buf)
matches = 0
bigger = 0
for name, ctype, minimum, expected in FIELDS:
    got = getattr(values, name)
    size = ctypes.sizeof(ctype)
    offset = getattr(Types, name).offset
    ok = got == expected
    matches += ok
    bigger += size > minimum
    print(f"{name}: offset {offset:2} size {size} (minimum {minimum}) value {got!r} {'ok' if ok else 'EXPECTED ' + repr(expected)}")
del values
shm.close()
print(f"matches={matches}")
print(f"bigger_than_minimum={bigger}")
