"""Experiment 12: the same locked counter through a Manager (messages) and in shared memory.

usage: manager_vs_shm.py INCREMENTS_PER_PROCESS
"""
import sys
import time
from multiprocessing import Manager, Process, Value

PROCESSES = 2
MESSAGES_PER_INCREMENT = 4  # acquire, get value, set value, release: each a round trip to the server


def via_manager(value, lock, n):
    for _ in range(n):
        with lock:
            value.value += 1


def via_shared_memory(value, n):
    for _ in range(n):
        with value.get_lock():
            value.value += 1


def timed(target, args):
    workers = [Process(target=target, args=args) for _ in range(PROCESSES)]
    start = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return time.perf_counter() - start


if __name__ == "__main__":
    n = int(sys.argv[1])
    with Manager() as manager:
        value, lock = manager.Value("i", 0), manager.Lock()
        manager_seconds = timed(via_manager, (value, lock, n))
        manager_counter = value.value
    shared = Value("i", 0)
    shm_seconds = timed(via_shared_memory, (shared, n))
    total = PROCESSES * n
    print(f"manager_counter={manager_counter}")
    print(f"manager_messages={total * MESSAGES_PER_INCREMENT}")
    print(f"manager_per_s={total / manager_seconds:.0f}")
    print(f"shm_counter={shared.value}")
    print(f"shm_per_s={total / shm_seconds:.0f}")
    print(f"speedup={manager_seconds / shm_seconds:.1f}")
