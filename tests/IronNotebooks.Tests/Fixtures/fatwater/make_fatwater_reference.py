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
  lower by more than 9 * s2, s2 = SSR_fat / (n - 3).
  standard errors: covariance s2 (J^T J)^-1 of (A, eta, R2*), J the finite-difference Jacobian scipy returns at the
  optimum (res.jac), s2 = SSR / (n - 3); PDFF SE = 100 sqrt(cov[eta, eta]).
  branch margin: (SSR_other - SSR_kept) / (SSR_kept / (n - 3)).
  Rician maximum likelihood (noise sigma = 20 known; Bray et al., MRM 2023, doi:10.1002/mrm.29493): minimise
  sum (M - S)^2 / (2 s^2) - log(i0e(M S / s^2)) (the Rice negative log-likelihood up to a constant, scipy.special.i0e)
  with scipy.optimize.minimize (L-BFGS-B, bounds) from 4 x 4 starts (eta x R2* 30/120/400/1200) per branch, on every
  fifth pixel (100: the likelihood fits are the slow part); branch rule: fat kept when
  2 * (NLL_water - NLL_fat) > 9; standard errors sigma^2 (J^T J)^-1 with J the central-difference Jacobian of the model.
  second-order bias correction of the Rician estimate (Box, J R Stat Soc B 1971;33:171, "Bias in nonlinear estimation"):
  b = -(s^2 / 2) (J^T J)^-1 J^T d, d_k = trace((J^T J)^-1 H_k), J and the Hessians H_k of the magnitude model by central
  differences at the optimum, s = 20; corrected = optimum - b. Not applied (the rule of docs/methods.md section 6.1) when
  eta or R2* sits on a bound, when |eta - 0.5| <= 2 SE(eta) (the water-fat fold, where the expansion fails), or when the
  corrected eta leaves the branch or the corrected R2* is not above 0.
Data: 500 pixels, 250 at 1.5 T (TE 1.2 + 1.0 k ms) and 250 at 3 T (0.7 + 0.8 k ms), k = 0..5; PDFF uniform 0-40 %,
R2* log-uniform 25-500 s^-1, rho = 1000, complex Gaussian noise sigma = 20 (SNR 50), numpy seed 2018.
"""
import json
import multiprocessing
import os
import numpy as np
from scipy.optimize import least_squares, minimize
from scipy.special import i0e

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
                best = (cost, res.x, res.jac)
    return best


def covariance(jac, s2):
    return s2 * np.linalg.inv(jac.T @ jac)


def model_jacobian(p, te_ms, c):
    jac = np.empty((len(te_ms), 3))
    for j, h in enumerate((1e-6 * max(p[0], 1.0), 1e-7, 1e-6 * max(p[2], 1.0))):
        dp = np.zeros(3)
        dp[j] = h
        jac[:, j] = (model(p + dp, te_ms, c) - model(p - dp, te_ms, c)) / (2 * h)
    return jac


def model_hessians(p, te_ms, c):
    """Second derivatives of the model per echo, shape (echoes, 3, 3), by central differences."""
    h = np.array((1e-4 * max(p[0], 1.0), 1e-4, 1e-4 * max(p[2], 1.0)))
    hess = np.empty((len(te_ms), 3, 3))
    for i in range(3):
        for j in range(3):
            di = np.zeros(3)
            dj = np.zeros(3)
            di[i] = h[i]
            dj[j] = h[j]
            hess[:, i, j] = (model(p + di + dj, te_ms, c) - model(p + di - dj, te_ms, c)
                             - model(p - di + dj, te_ms, c) + model(p - di - dj, te_ms, c)) / (4 * h[i] * h[j])
    return hess


def box_corrected(p, te_ms, c, sigma, lo, hi):
    """(corrected parameters, applied) by Box's second-order bias with the rule in the header."""
    jac = model_jacobian(p, te_ms, c)
    inv = np.linalg.inv(jac.T @ jac)
    se_eta = np.sqrt(sigma ** 2 * inv[1, 1])
    if p[1] <= lo or p[1] >= hi or p[2] <= 0 or p[2] >= 3000 or abs(p[1] - 0.5) <= 2 * se_eta:
        return p, False
    d = np.einsum("ij,kji->k", inv, model_hessians(p, te_ms, c))
    bias = -0.5 * sigma ** 2 * inv @ (jac.T @ d)
    corrected = p - bias
    if not (lo < corrected[1] < hi) or corrected[2] <= 0:
        return p, False
    return corrected, True


def rician_nll(p, y, te_ms, c, sigma):
    s = model(p, te_ms, c)
    return float(np.sum((y - s) ** 2 / (2 * sigma ** 2) - np.log(i0e(y * s / sigma ** 2))))


def fit_branch_rician(y, te_ms, c, lo, hi, sigma):
    best = None
    for eta0 in np.linspace(lo, hi, 4):
        for r0 in (30, 120, 400, 1200):
            g = model((1.0, eta0, r0), te_ms, c)
            a0 = max(float(g @ y / (g @ g)), 1e-6)
            res = minimize(rician_nll, (a0, eta0, r0), args=(y, te_ms, c, sigma), method="L-BFGS-B",
                           bounds=[(0, None), (lo, hi), (0, 3000)], options={"ftol": 1e-15, "gtol": 1e-10, "maxiter": 2000})
            if best is None or res.fun < best[0]:
                best = (float(res.fun), res.x)
    return best


def fit_pixel(args):
    index, field, te, pdff, r2, y = args
    c = modulation(te, field)
    w_cost, w, w_jac = fit_branch(y, te, c, -0.5, 0.5)
    f_cost, f, f_jac = fit_branch(y, te, c, 0.5, 1.0)
    s2 = f_cost / (len(y) - 3)
    keep_water = not ((w_cost - f_cost) > 9 * s2)
    kept = w if keep_water else f
    cov = covariance(w_jac if keep_water else f_jac, (w_cost if keep_water else f_cost) / (len(y) - 3))
    pixel = {
        "fieldStrengthT": field, "echoTimesMs": [round(float(t), 6) for t in te], "magnitude": [float(v) for v in y],
        "truePdffPercent": pdff, "trueR2StarPerSecond": r2,
        "fatFractionPercent": float(100 * kept[1]), "r2StarPerSecond": float(kept[2]),
        "waterBranchKept": bool(keep_water),
        "branchMargin": float(((f_cost - w_cost) if keep_water else (w_cost - f_cost)) / ((w_cost if keep_water else f_cost) / (len(y) - 3))),
        "fatFractionStandardErrorPercent": float(100 * np.sqrt(cov[1, 1])),
        "r2StarStandardErrorPerSecond": float(np.sqrt(cov[2, 2])),
    }
    if index % 5 != 0:
        return pixel
    rw_nll, rw = fit_branch_rician(y, te, c, -0.5, 0.5, 20.0)
    rf_nll, rf = fit_branch_rician(y, te, c, 0.5, 1.0, 20.0)
    rician_water = not (2 * (rw_nll - rf_nll) > 9)
    rk = rw if rician_water else rf
    rcov = covariance(model_jacobian(rk, te, c), 20.0 ** 2)
    corrected, applied = box_corrected(rk, te, c, 20.0, -0.5 if rician_water else 0.5, 0.5 if rician_water else 1.0)
    return pixel | {
        "ricianFatFractionPercent": float(100 * rk[1]), "ricianR2StarPerSecond": float(rk[2]),
        "ricianWaterBranchKept": bool(rician_water),
        "ricianBranchMargin": float(2 * (rf_nll - rw_nll) if rician_water else 2 * (rw_nll - rf_nll)),
        "ricianFatFractionStandardErrorPercent": float(100 * np.sqrt(rcov[1, 1])),
        "ricianR2StarStandardErrorPerSecond": float(np.sqrt(rcov[2, 2])),
        "ricianBiasCorrectionApplied": bool(applied),
        "ricianCorrectedFatFractionPercent": float(100 * corrected[1]), "ricianCorrectedR2StarPerSecond": float(corrected[2]),
    }


def main():
    # L-BFGS-B's Fortran code prints line-search notes on file descriptor 1: keep the real stdout for the JSON only.
    out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    rng = np.random.default_rng(2018)
    work = []
    for field, te1, dte in ((1.5, 1.2, 1.0), (3.0, 0.7, 0.8)):
        te = te1 + dte * np.arange(6)
        c = modulation(te, field)
        for _ in range(250):
            pdff = rng.uniform(0, 40)
            r2 = float(np.exp(rng.uniform(np.log(25), np.log(500))))
            s = 1000 * ((1 - pdff / 100) + pdff / 100 * c) * np.exp(-r2 * te / 1000)
            s = s + 20 * (rng.standard_normal(6) + 1j * rng.standard_normal(6))
            work.append((len(work), field, te, pdff, r2, np.abs(s)))
    with multiprocessing.Pool(2) as pool:
        pixels = pool.map(fit_pixel, work, chunksize=10)
    json.dump({"source": "make_fatwater_reference.py (scipy.optimize.least_squares; Rician: scipy.optimize.minimize)", "noiseSigma": 20.0,
               "pixels": pixels}, out, indent=1)
    out.flush()


if __name__ == "__main__":
    main()
