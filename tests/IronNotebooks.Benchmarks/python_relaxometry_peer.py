#!/usr/bin/python3
"""Python peer of RelaxometryBenchmarks.cs: the same synthetic 256 x 256 x 32 x 12-echo volume definition
(R2* = 20 + 980*x/255 1/s, S0 = 1000, Rician noise sigma = 10; numpy's own seeded generator, so not bit-identical).

Run (Debian's Python with python3-scipy):
    /usr/bin/python3 tests/IronNotebooks.Benchmarks/python_relaxometry_peer.py [SUBSET_PIXELS]

- offset / mono: scipy.optimize.curve_fit in a per-pixel Python loop on SUBSET_PIXELS random pixels (default 2000),
  time extrapolated linearly to the full 2,097,152 pixels (single core, as such loops usually run).
- loglinear: vectorised numpy weighted log-linear (weights S^2) over the whole volume.
"""
import sys
import time

import numpy as np
from scipy.optimize import curve_fit

NX, NY, NZ, NE = 256, 256, 32, 12
te = (0.99 + 1.41 * np.arange(NE)) / 1000.0
rng = np.random.default_rng(7)
r2s = 20 + 980.0 * np.arange(NX) / (NX - 1)
amp = 1000 * np.exp(-r2s[None, :] * te[:, None])            # [echo, x]
vol = np.empty((NE, NZ, NY, NX), dtype=np.float32)
for e in range(NE):
    re = amp[e][None, None, :] + rng.normal(0, 10, (NZ, NY, NX))
    im = rng.normal(0, 10, (NZ, NY, NX))
    vol[e] = np.sqrt(re * re + im * im)
npix = NX * NY * NZ
sig = vol.reshape(NE, -1).astype(np.float64)

t0 = time.perf_counter()
w = sig * sig
y = np.log(np.maximum(sig, 1e-12))
sw = w.sum(0); swx = (w * te[:, None]).sum(0); swy = (w * y).sum(0)
swxx = (w * te[:, None] ** 2).sum(0); swxy = (w * te[:, None] * y).sum(0)
slope = (sw * swxy - swx * swy) / (sw * swxx - swx * swx)
t_ll = time.perf_counter() - t0
print(f"loglinear  vectorised numpy, full volume: {t_ll:8.3f} s  ({npix / t_ll / 1e6:.2f} Mpixel/s), median R2* {np.median(-slope):.1f}")

subset = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
idx = np.random.default_rng(1).choice(npix, subset, replace=False)
for name, f, p0 in (("offset", lambda t, a, r, c: a * np.exp(-r * t) + c, lambda s: [s[0], 200.0, 0.0]),
                    ("mono", lambda t, a, r: a * np.exp(-r * t), lambda s: [s[0], 200.0])):
    t0 = time.perf_counter()
    fails = 0
    for i in idx:
        s = sig[:, i]
        try:
            curve_fit(f, te, s, p0=p0(s), maxfev=2000)
        except RuntimeError:
            fails += 1
    dt = time.perf_counter() - t0
    full = dt / subset * npix
    print(f"{name:10s} curve_fit loop, {subset} pixels: {dt:.3f} s -> extrapolated full volume {full:9.1f} s "
          f"({npix / full / 1e6:.4f} Mpixel/s), {fails} failures")
