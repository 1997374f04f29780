#!/usr/bin/python3
"""The Python peer of SeriesReadBenchmark: pydicom reads the same 1,000 files and decodes their pixels.

    dotnet run -c Release --project tests/IronNotebooks.Benchmarks -- make-series   # prints the folder
    /usr/bin/python3 tests/IronNotebooks.Benchmarks/pydicom_read_series.py [FOLDER] [RUNS]

Prints the median and minimum wall time of RUNS passes (default 5) over all files, for pixel_array (uint16, as
stored) and pixel_array masked to BitsStored as float64 (what GetStoredValues returns), and headers only.
"""
import glob, os, statistics, sys, tempfile, time
import numpy as np
import pydicom

folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(tempfile.gettempdir(), "ironnb-bench-series")
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
files = sorted(glob.glob(os.path.join(folder, "*.dcm")))
assert len(files) == 1000, f"expected 1000 files in {folder}, found {len(files)}"


def pixel_array():
    return sum(int(pydicom.dcmread(f).pixel_array[0, 0]) for f in files)


def stored_values():
    total = 0.0
    for f in files:
        ds = pydicom.dcmread(f)
        a = ds.pixel_array
        total += ((a >> (ds.HighBit + 1 - ds.BitsStored)) & ((1 << ds.BitsStored) - 1)).astype(np.float64)[0, 0]
    return total


def headers_only():
    return sum(len(pydicom.dcmread(f, stop_before_pixels=True)) for f in files)


print(f"pydicom {pydicom.__version__}, numpy {np.__version__}, {len(files)} files")
for name, fn in [("pixel_array (uint16)", pixel_array), ("stored values (float64)", stored_values), ("headers only", headers_only)]:
    times = []
    for _ in range(runs):
        t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
    print(f"{name:26s} median {statistics.median(times) * 1000:8.1f} ms   min {min(times) * 1000:8.1f} ms")
