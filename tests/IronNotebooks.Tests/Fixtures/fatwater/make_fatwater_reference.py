#!/usr/bin/python3
"""Independent magnitude fat-water reference for FatWaterReferenceTests (issue 18).

Command: /usr/bin/python3 tests/IronNotebooks.Tests/Fixtures/fatwater/make_fatwater_reference.py > tests/IronNotebooks.Tests/Fixtures/fatwater/fatwater_reference.json

Written from the papers' equations, not from the C# code:
  signal model (Yu et al., MRM 2008;60:1122; Hernando et al., MRM 2010;63:79)
      S(t) = (W + F * sum_p a_p exp(i 2 pi f_p t)) exp(-R2* t),  f_p = ppm_p * 42.577478 * B0 Hz
  fat spectrum: Hamilton et al., NMR Biomed 2011;24:784, six peaks (ppm from water)
      -3.80 -3.40 -2.60 -1.94 -0.39 +0.60, amplitudes 0.087 0.693 0.128 0.004 0.039 0.048 (normalised to sum 1)
  magnitude fit: |S(t)| = A |(1 - eta) + eta c(t)| exp(-R2* t), least squares in (A, eta, R2*) with
  scipy.optimize.least_squares (trust-region reflective, bounds) on two branches: water eta in [-0.5, 0.5],
  fat eta in [0.5, 1.0], each from a dense grid of starts (eta x R2*), best optimum per branch.
  branch rule (docs/methods.md section 6, liver prior): keep the water branch unless the fat branch's sum of squares is
  lower by more than 4 * s2, s2 = SSR_fat / (n - 3).
Data: 500 pixels, 250 at 1.5 T (TE 1.2 + 1.0 k ms) and 250 at 3 T (0.7 + 0.8 k ms), k = 0..5; PDFF uniform 0-40 %,
R2* log-uniform 25-500 s^-1, rho = 1000, complex Gaussian noise sigma = 20 (SNR 50), numpy seed 2018.
"""
import json
import numpy as np
from scipy.optimize import least_squares

GAMMA = 42.577478
PPM = np.array([-3.80, -3.40, -2.60, -1.94, -0.39, 0.60])
AMP = np.array([0.087, 0.693, 0.128, 0.004, 0.039, 0.048])
AMP = AMP / AMP.sum()


def modulation(te_ms, field):
    f = PPM * GAMMA * field
    return (AMP[None, :] * np.exp(2j * np.pi * f[None, :] * te_ms[:, None] / 1000)).sum(axis=1)


def model(p, te_ms, c):
    a, eta, r = p
    return a * np.abs((1 - eta) + eta * c) * np.exp(-r * te_ms / 1000)


def fit_branch(y, te_ms, c, lo, hi):
    best = None
    for eta0 in np.linspace(lo, hi, 6):
        for r0 in (20, 60, 150, 300, 600, 1200):
            g = model((1.0, eta0, r0), te_ms, c)
            a0 = max(float(g @ y / (g @ g)), 1e-6)
            res = least_squares(lambda p: model(p, te_ms, c) - y, (a0, eta0, r0),
                                bounds=([0, lo, 0], [np.inf, hi, 3000]), method="trf", xtol=1e-12, ftol=1e-12, gtol=1e-12)
            cost = float(np.sum(res.fun ** 2))
            if best is None or cost < best[0]:
                best = (cost, res.x)
    return best


def main():
    rng = np.random.default_rng(2018)
    pixels = []
    for field, te1, dte in ((1.5, 1.2, 1.0), (3.0, 0.7, 0.8)):
        te = te1 + dte * np.arange(6)
        c = modulation(te, field)
        for _ in range(250):
            pdff = rng.uniform(0, 40)
            r2 = float(np.exp(rng.uniform(np.log(25), np.log(500))))
            s = 1000 * ((1 - pdff / 100) + pdff / 100 * c) * np.exp(-r2 * te / 1000)
            s = s + 20 * (rng.standard_normal(6) + 1j * rng.standard_normal(6))
            y = np.abs(s)
            w_cost, w = fit_branch(y, te, c, -0.5, 0.5)
            f_cost, f = fit_branch(y, te, c, 0.5, 1.0)
            s2 = f_cost / (len(y) - 3)
            keep_water = not ((w_cost - f_cost) > 4 * s2)
            kept = w if keep_water else f
            pixels.append({
                "fieldStrengthT": field, "echoTimesMs": [round(float(t), 6) for t in te], "magnitude": [float(v) for v in y],
                "truePdffPercent": pdff, "trueR2StarPerSecond": r2,
                "fatFractionPercent": float(100 * kept[1]), "r2StarPerSecond": float(kept[2]),
                "waterBranchKept": bool(keep_water),
            })
    json.dump({"source": "make_fatwater_reference.py (scipy.optimize.least_squares)", "pixels": pixels}, open("/dev/stdout", "w"), indent=1)


if __name__ == "__main__":
    main()
