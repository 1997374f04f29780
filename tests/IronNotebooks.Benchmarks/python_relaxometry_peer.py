#!/usr/bin/python3
"""Python peer of RelaxometryBenchmarks.cs, on the very same data: the float32 NIfTI volume (256 x 256 x 32 x 12 echoes,
TE = 0.99 + 1.41*k ms, R2* = 20 + 980*x/255 1/s, S0 = 1000, Rician noise sigma = 10) that the C# benchmark writes to
$TMPDIR/ironnb-relaxometry-bench (RelaxometryBenchmarks.Write; run the C# benchmark once, or use --side-by-side).

Peer only (Debian's Python with python3-scipy, from the repository root):
    /usr/bin/python3 tests/IronNotebooks.Benchmarks/python_relaxometry_peer.py [--subset N] [--data DIR]
Both side by side, one script, ratios printed (runs the C# BenchmarkDotNet job too; takes a few minutes):
    /usr/bin/python3 tests/IronNotebooks.Benchmarks/python_relaxometry_peer.py --side-by-side

- loglinear: vectorised NumPy weighted log-linear (weights S^2) over the whole volume, timed --repeats times before and
  after the C# run (min and spread reported: the machine is shared, so the spread says how noisy the run was).
- offset / mono: scipy.optimize.curve_fit in a per-pixel Python loop on N seeded random pixels (default 2000), time
  extrapolated linearly to the full 2,097,152 pixels (single core, as such loops usually run).
NumPy's elementwise operations run on one core; the C# maps are measured on all cores and on one core, and the
per-core ratio is printed next to the whole-machine one.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy.optimize import curve_fit

NX, NY, NZ, NE = 256, 256, 32, 12
NPIX = NX * NY * NZ
HEADER = 352


def load(folder):
    te, planes = [], []
    for e in range(1, NE + 1):
        with open(os.path.join(folder, f"bench_e{e}.json")) as f:
            te.append(json.load(f)["EchoTime"])
        planes.append(np.fromfile(os.path.join(folder, f"bench_e{e}.nii"), dtype="<f4", offset=HEADER, count=NPIX))
    # [echo, pixel] in float64, converted once outside every timed region (NumPy is not charged for the conversion).
    return np.array(te), np.stack(planes).astype(np.float64)


def loglinear(sig, te):
    """Weighted least squares of ln S on TE, weights S^2, every pixel at once (what a NumPy user would write)."""
    s = sig
    w = s * s
    y = np.log(np.maximum(s, 1e-12))
    t = te[:, None]
    sw = w.sum(0); swx = (w * t).sum(0); swy = (w * y).sum(0)
    swxx = (w * t * t).sum(0); swxy = (w * t * y).sum(0)
    slope = (sw * swxy - swx * swy) / (sw * swxx - swx * swx)
    return -slope


def time_loglinear(sig, te, repeats):
    times, r2 = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        r2 = loglinear(sig, te)
        times.append(time.perf_counter() - t0)
    return times, float(np.median(r2))


def curve_fit_loop(sig, te, subset):
    idx = np.random.default_rng(1).choice(NPIX, subset, replace=False)
    out = {}
    models = (("offset", lambda t, a, r, c: a * np.exp(-r * t) + c, lambda s: [s[0], 200.0, 0.0]),
              ("mono", lambda t, a, r: a * np.exp(-r * t), lambda s: [s[0], 200.0]))
    for name, f, p0 in models:
        t0 = time.perf_counter()
        fails = 0
        for i in idx:
            s = sig[:, i]
            try:
                curve_fit(f, te, s, p0=p0(s), maxfev=2000)
            except RuntimeError:
                fails += 1
        dt = time.perf_counter() - t0
        out[name] = (dt, dt / subset * NPIX, fails)
    return out


def run_dotnet(artifacts):
    cmd = ["dotnet", "run", "-c", "Release", "--project", "tests/IronNotebooks.Benchmarks", "--", "relaxometry",
           "--artifacts", artifacts, "--exporters", "json", "--buildTimeout", "1800"]
    print("$ " + " ".join(cmd), flush=True)
    with open(os.path.join(tempfile.gettempdir(), "ironnb-relaxometry-bdn.log"), "w") as log:  # BenchmarkDotNet's own log
        subprocess.run(cmd, check=True, stdout=log, stderr=subprocess.STDOUT)
    report = glob.glob(os.path.join(artifacts, "results", "*RelaxometryBenchmarks*.json"))
    if not report:
        sys.exit("BenchmarkDotNet wrote no JSON report under " + artifacts)
    with open(report[0]) as f:
        data = json.load(f)
    rows = {}
    for b in data["Benchmarks"]:
        params = dict(p.split("=", 1) for p in b["Parameters"].split("&"))
        st = b["Statistics"]
        model = params["Model"]
        threads = 1 if model.endswith(" 1 core") else -1
        rows[(model.replace(" 1 core", ""), threads)] = dict(
            mean=st["Mean"] / 1e9, sd=st["StandardDeviation"] / 1e9, min=st["Min"] / 1e9, max=st["Max"] / 1e9,
            alloc=(b.get("Memory") or {}).get("BytesAllocatedPerOperation"))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(tempfile.gettempdir(), "ironnb-relaxometry-bench"))
    ap.add_argument("--subset", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--side-by-side", action="store_true", help="also run the C# BenchmarkDotNet job and print ratios")
    a = ap.parse_args()

    load_before = os.getloadavg()
    rows = None
    if a.side_by_side:
        rows = run_dotnet(os.path.join(tempfile.gettempdir(), "ironnb-relaxometry-bdn"))
    if not os.path.exists(os.path.join(a.data, f"bench_e{NE}.nii")):
        sys.exit(f"{a.data} has no benchmark volume: run the C# benchmark first (or --side-by-side).")
    te, sig = load(a.data)
    ll_times, ll_median = time_loglinear(sig, te, a.repeats)
    print(f"numpy loglinear, full volume, {a.repeats} runs: min {min(ll_times):.3f} s, median {np.median(ll_times):.3f} s, "
          f"max {max(ll_times):.3f} s; median R2* {ll_median:.1f} 1/s", flush=True)
    cf = curve_fit_loop(sig, te, a.subset)
    for name, (dt, full, fails) in cf.items():
        print(f"{name:6s} curve_fit loop, {a.subset} pixels: {dt:.3f} s -> extrapolated full volume {full:9.1f} s, {fails} failures",
              flush=True)
    ll_times2, _ = time_loglinear(sig, te, a.repeats)
    ll_all = ll_times + ll_times2
    load_after = os.getloadavg()
    if rows is None:
        return
    ll = min(ll_all)
    print()
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} (2 cores; other jobs share the machine)")
    print(f"numpy loglinear over {len(ll_all)} runs: min {ll:.3f} s, median {np.median(ll_all):.3f} s, max {max(ll_all):.3f} s "
          f"(spread {100 * (max(ll_all) / ll - 1):.0f} %)")
    print()
    print("| C# map | threads | mean s | sd s | min s | allocated MB | numpy loglinear / C# (min/min) | curve_fit loop / C# |")
    print("|---|---|---|---|---|---|---|---|")
    for (model, threads), r in sorted(rows.items(), key=lambda kv: (kv[0][0], -kv[0][1] if kv[0][1] > 0 else -99)):
        cf_ratio = f"{cf[model][1] / r['min']:.0f}x" if model in cf else ""
        alloc = f"{r['alloc'] / 1e6:.1f}" if r["alloc"] is not None else "?"
        print(f"| {model} | {'all' if threads < 0 else threads} | {r['mean']:.3f} | {r['sd']:.3f} | {r['min']:.3f} | {alloc} | "
              f"{ll / r['min']:.2f} | {cf_ratio} |")
    for threads in (-1, 1):
        if ("offset", threads) in rows:
            off = rows[("offset", threads)]["min"]
            print(f"offset map ({'all cores' if threads < 0 else 'one core'}) / numpy loglinear: {off / ll:.2f}x "
                  f"(target <= 2x); curve_fit loop / offset map: {cf['offset'][1] / off:.0f}x (target >= 100x)")


if __name__ == "__main__":
    main()
