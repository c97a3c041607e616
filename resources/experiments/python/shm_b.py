"""Experiment 6: the seed's shm_b, attaching by name to a block another process made."""
import sys
import time
from multiprocessing import resource_tracker, shared_memory

shm_b = shared_memory.SharedMemory(sys.argv[1])
# Only attached: keep Python's resource tracker from unlinking the block at exit.
resource_tracker.unregister(shm_b._name, "shared_memory")
print(f"shm_b: name {shm_b.name}, size {shm_b.size}")
print(f"shm_b.buf[-1] = {shm_b.buf[-1]}")
time.sleep(0.5)  # long enough to be seen in the blocks diagram
shm_b.buf[0] = 1
print("wrote shm_b.buf[0] = 1")
shm_b.close()
