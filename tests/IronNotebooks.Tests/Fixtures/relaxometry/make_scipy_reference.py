#!/usr/bin/python3
"""Reference fits for IronNotebooks' decay models, computed with SciPy / NumPy.

Run (Debian's Python with python3-scipy, from the repository root):
    /usr/bin/python3 tests/IronNotebooks.Tests/Fixtures/relaxometry/make_scipy_reference.py \
        > tests/IronNotebooks.Tests/Fixtures/relaxometry/scipy_reference.json

Each case stores its echo times (ms), its signal (exactly the numbers the C# test feeds in), the noise sigma when
the model needs one, and the reference R2* (1/s), S0 and offset. Nonlinear models: scipy.optimize.least_squares
(method='lm', i.e. MINPACK) with tight tolerances from the same log-linear start the C# engine uses; the
noise-corrected model uses the Rician first moment with scipy.special.i0e / i1e; the second-moment model is fitted in
its natural parameters (S0, R2*) to M^2 - (S0^2 exp(-2 R2* t) + 2 L sigma^2) with L coils (L = 1: Rician; L = 4:
non-central chi magnitudes simulated as root-sum-of-squares of four complex channels). Log-linear (numpy.polyfit with
w = S, i.e. weights S^2 on squared residuals) and ARLO (docs/methods.md section 4) are NumPy closed forms. Bi-exponential:
clean and Rician-noisy (sigma 2 and 5) two-component decays, started like the C# engine from the mono-exponential
least-squares fit (S0/2, 2R, S0/2, R/2).
Written for this project; the decays are synthetic (seeded), no external data.
"""
import json
import sys

import numpy as np
import scipy
from scipy.optimize import least_squares
from scipy.special import i0e, i1e

TRAINS = {
    "12x0.99+1.41": 0.99 + 1.41 * np.arange(12),
    "16x1.3+0.8": 1.3 + 0.8 * np.arange(16),
    "uneven7": np.array([1.0, 1.8, 3.1, 4.5, 6.4, 8.9, 12.0]),
}
R2S = [20.0, 100.0, 400.0, 1000.0, 2000.0]
S0, SIGMA = 1000.0, 10.0
TOL = dict(ftol=1e-15, xtol=1e-15, gtol=1e-15, max_nfev=20000)


def loglinear(t, s):
    keep = s > 0
    slope, intercept = np.polyfit(t[keep], np.log(s[keep]), 1, w=s[keep])
    return -slope, np.exp(intercept)


def arlo(t, s):
    syx = sbxx = sbyx = syy = 0.0
    for i in range(len(t) - 2):
        t0, t1, t2 = t[i], t[i + 1], t[i + 2]
        a = (t2 - t0) ** 2 / (2 * (t1 - t0))
        q = (2 * t2 ** 2 - t0 * t2 - t0 ** 2 + 3 * t0 * t1 - 3 * t1 * t2) / 6
        b, g = q / (t2 - t1), q / (t1 - t0)
        y = s[i] * (t2 - t0 - a + g) + s[i + 1] * (a - b - g) + s[i + 2] * b
        x = s[i] - s[i + 2]
        syx += y * x; sbxx += b * x * x; sbyx += b * y * x; syy += y * y
    r = (syx + sbxx) / (sbyx + syy)
    e = np.exp(-r * t)
    return r, float(np.sum(s * e) / np.sum(e * e))


def rician_mean(a, sigma):
    z = a * a / (4 * sigma * sigma)
    return sigma * np.sqrt(np.pi / 2) * ((1 + 2 * z) * i0e(z) + 2 * z * i1e(z))


def lm(fun, p0):
    r = least_squares(fun, p0, method="lm", **TOL)
    return r.x, bool(r.success)


def fit(model, t, s, sigma):
    r0, s00 = loglinear(t, s)
    if model == "mono":
        p, ok = lm(lambda p: p[0] * np.exp(-p[1] * t) - s, [s00, r0]); return p[1], p[0], None, ok
    if model == "offset":
        p, ok = lm(lambda p: p[0] * np.exp(-p[1] * t) + p[2] - s, [s00, r0, 0.0]); return p[1], p[0], p[2], ok
    if model == "truncation":
        n = 0
        while n < len(s) and s[n] >= 2 * sigma:
            n += 1
        if n < 2:
            return float("nan"), float("nan"), None, False  # C# must report TooFewEchoes
        tt, ss = t[:n], s[:n]
        r0, s00 = loglinear(tt, ss)
        p, ok = lm(lambda p: p[0] * np.exp(-p[1] * tt) - ss, [s00, r0]); return p[1], p[0], None, ok and n >= 2
    if model == "rician":
        pm, _ = lm(lambda p: p[0] * np.exp(-p[1] * t) - s, [s00, r0])
        p, ok = lm(lambda p: rician_mean(p[0] * np.exp(-p[1] * t), sigma) - s, pm); return p[1], p[0], None, ok
    if model == "loglinear":
        r, a = loglinear(t, s); return r, a, None, True
    if model == "arlo":
        r, a = arlo(t, s); return r, a, None, True
    raise ValueError(model)


def main():
    rng = np.random.default_rng(20261122)
    cases = []
    for train, te_ms in TRAINS.items():
        t = te_ms / 1000.0
        for r2s in R2S:
            clean = S0 * np.exp(-r2s * t)
            noisy = np.abs(clean + rng.normal(0, SIGMA, t.size) + 1j * rng.normal(0, SIGMA, t.size))
            for kind, s in (("clean", clean), ("noisy", noisy)):
                for model in ("mono", "offset", "truncation", "loglinear", "arlo", "rician"):
                    if kind == "clean" and model in ("truncation", "rician"):
                        continue
                    r, a, c, ok = fit(model, t, s, SIGMA)
                    cases.append(dict(name=f"{model}/{train}/R2*={r2s:g}/{kind}", model=model, echoTimesMs=te_ms.tolist(),
                                      signal=s.tolist(), noiseSigma=SIGMA if model in ("truncation", "rician") else None,
                                      trueR2StarPerSecond=r2s, r2StarPerSecond=None if np.isnan(r) else float(r),
                                      s0=None if np.isnan(a) else float(a),
                                      offset=None if c is None else float(c), scipyConverged=ok))
    # Bi-exponential: two-component decays on the 16-echo train, clean and with Rician noise (own seed, so the cases
    # above keep their numbers).
    t = TRAINS["16x1.3+0.8"] / 1000.0
    brng = np.random.default_rng(20261123)
    for (a1, r1, a2, r2) in ((600.0, 800.0, 400.0, 60.0), (300.0, 1500.0, 700.0, 120.0), (500.0, 400.0, 500.0, 40.0)):
        clean = a1 * np.exp(-r1 * t) + a2 * np.exp(-r2 * t)
        variants = [("clean", clean, None)]
        for sigma in (2.0, 5.0):
            variants.append((f"noisy-sigma{sigma:g}", np.abs(clean + brng.normal(0, sigma, t.size) + 1j * brng.normal(0, sigma, t.size)), sigma))
        for kind, s, sigma in variants:
            r0, s00 = loglinear(t, s)
            pm, _ = lm(lambda p: p[0] * np.exp(-p[1] * t) - s, [s00, r0])
            start = [0.5 * pm[0], 2 * abs(pm[1]), 0.5 * pm[0], 0.5 * abs(pm[1])]
            p, ok = lm(lambda p: p[0] * np.exp(-p[1] * t) + p[2] * np.exp(-p[3] * t) - s, start)
            fast, slow = (p[:2], p[2:]) if p[1] > p[3] else (p[2:], p[:2])
            cases.append(dict(name=f"biexp/16x1.3+0.8/{r1:g}+{r2:g}/{kind}", model="biexp", echoTimesMs=(t * 1000).tolist(), signal=s.tolist(),
                              noiseSigma=None, trueR2StarPerSecond=r1, r2StarPerSecond=float(fast[1]), s0=float(fast[0]),
                              offset=None, slowR2StarPerSecond=float(slow[1]), scipyConverged=ok))
    # Second moment: Rician (1 coil) and non-central chi (4 coils, root-sum-of-squares) magnitudes, own seed.
    mrng = np.random.default_rng(20261124)
    for train, te_ms in TRAINS.items():
        t = te_ms / 1000.0
        for coils in (1, 4):
            for r2s in R2S:
                a = S0 * np.exp(-r2s * t)
                power = np.abs(a + mrng.normal(0, SIGMA, t.size) + 1j * mrng.normal(0, SIGMA, t.size)) ** 2
                for _ in range(coils - 1):
                    power += mrng.normal(0, SIGMA, t.size) ** 2 + mrng.normal(0, SIGMA, t.size) ** 2
                s = np.sqrt(power)
                floor = 2 * coils * SIGMA ** 2
                y = s * s - floor
                k0, b0 = loglinear(t, y)
                p, ok = lm(lambda p: p[0] ** 2 * np.exp(-2 * p[1] * t) + floor - s * s, [np.sqrt(b0), k0 / 2])
                cases.append(dict(name=f"secondmoment/{train}/L={coils}/R2*={r2s:g}/noisy", model="secondmoment", echoTimesMs=te_ms.tolist(),
                                  signal=s.tolist(), noiseSigma=SIGMA, coilCount=coils, trueR2StarPerSecond=r2s,
                                  r2StarPerSecond=float(p[1]), s0=float(abs(p[0])), offset=None, scipyConverged=ok))
    json.dump(dict(generator="make_scipy_reference.py", python=sys.version.split()[0], numpy=np.__version__,
                   scipy=scipy.__version__, seed=20261122, cases=cases), sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
