"""Experiment 2: a shared Array is one flat row of one C type, so Python refuses a nested list."""
from multiprocessing import Array

try:
    Array('i', [[1, 2], [3, 4]])
    print("refused=0 (Python accepted a nested list)")
except TypeError as error:
    print(f"TypeError: {error}")
    print("refused=1")
