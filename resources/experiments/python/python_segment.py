"""Experiment 11: Python makes a block, C++ workers change it, Python reads it back.

usage: python_segment.py make|read NAME
"""
import ctypes
import sys
from multiprocessing import resource_tracker, shared_memory


class Block(ctypes.Structure):  # the layout "counter:i; values:d[4]"
    _fields_ = [("counter", ctypes.c_int), ("values", ctypes.c_double * 4)]


action, name = sys.argv[1], sys.argv[2]
if action == "make":
    shm = shared_memory.SharedMemory(name=name, create=True, size=ctypes.sizeof(Block))
    block = Block.from_buffer(shm.buf)
    block.counter = 100
    block.values[:] = [0.5, 1.5, 2.5, 3.5]
    print(f"made {shm.name}: {shm.size} bytes, counter={block.counter}, values={list(block.values)}")
else:
    shm = shared_memory.SharedMemory(name)
    block = Block.from_buffer(shm.buf)
    print(f"counter={block.counter}")
    print(f"values={list(block.values)}")
# The block must outlive this script: ShmScope removes it when the experiment ends.
resource_tracker.unregister(shm._name, "shared_memory")
del block
shm.close()
