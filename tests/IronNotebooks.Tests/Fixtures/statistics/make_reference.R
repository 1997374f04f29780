#!/usr/bin/env Rscript
# Reference values for the IronNotebooks statistics tests (issue 6).
#
# Command, from the repository root (R 4.2 with pROC, psych and vcd from Debian: environment/install-reference-tools.sh):
#   Rscript tests/IronNotebooks.Tests/Fixtures/statistics/make_reference.R tests/IronNotebooks.Tests/Fixtures/statistics
#
# It writes into the folder given (default: the current folder):
#   *.csv datasets        synthetic data from a fixed seed (rerunning gives the same bytes), plus two published tables;
#                         each dataset's provenance is in datasets.md beside this script
#   reference_values.csv  dataset,statistic,value; values printed with 17 significant digits (NA, Inf, -Inf as such)
#   roc_coords.csv        every point of every reference ROC curve as pROC reports it
#   reference_provenance.txt  R and package versions used
#
# Where a Debian-packaged R package implements the method, it is called: pROC (ROC, DeLong, roc.test, bootstrap),
# vcd::Kappa and psych::cohen.kappa (kappa), stats (binom.test = Clopper-Pearson, prop.test without correction =
# Wilson, cor.test, lm, mcnemar.test, aov). Where none does (Deming, Passing-Bablok, Lin's CCC interval, MOVER
# interval of Youden's J, log-method likelihood-ratio intervals, Mercaldo's logit interval for predictive values,
# Fleiss-Cohen-Everitt null SE of kappa, Bland-Altman limits), the reference is a base-R transcription of the published
# formula, written apart from the C# code and, where there is a second route, by that route (eigen decomposition for
# Deming, all pairs enumerated for Passing-Bablok, aov for repeatability).

suppressPackageStartupMessages({ library(pROC); library(psych); library(vcd) })
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "."
dir.create(out, showWarnings = FALSE, recursive = TRUE)
RNGkind("Mersenne-Twister", "Inversion", "Rejection")

refs <- list()
put <- function(dataset, statistic, value) {
  value <- as.numeric(value)
  v <- if (is.na(value)) "NA" else if (is.infinite(value)) ifelse(value > 0, "Inf", "-Inf") else sprintf("%.17g", value)
  refs[[length(refs) + 1]] <<- data.frame(dataset = dataset, statistic = statistic, value = v, stringsAsFactors = FALSE)
}
fmt <- function(x, digits) formatC(x, format = "f", digits = digits)
write_csv <- function(df, name) write.csv(df, file.path(out, name), row.names = FALSE, quote = FALSE)

# ---------------------------------------------------------------------------------------------------------------------
# Datasets
# ---------------------------------------------------------------------------------------------------------------------
# 1. Synthetic liver cohort: biopsy LIC (mg Fe/g dry weight), R2* (1/s, integer: many ties), T2* = 1000/R2* (ms, one
#    decimal: lower is positive), an SIR-based LIC estimate (a second, noisier score), truth = LIC >= 1.8 mg/g, and the
#    three-class truth normal (< 1.8) / moderate (1.8 to < 7) / high (>= 7).
set.seed(6001)
n <- 120
lic <- round(exp(rnorm(n, log(3), 1.0)), 2)
r2 <- round(pmax(25, (pmax(lic, 0.3) - 0.202) / 0.0254) * exp(rnorm(n, 0, 0.45)))
t2 <- round(1000 / r2, 1)
sir <- round(lic * exp(rnorm(n, 0, 0.5)), 1)
overload <- as.integer(lic >= 1.8)
klass <- ifelse(lic < 1.8, "normal", ifelse(lic < 7, "moderate", "high"))
cohort <- data.frame(id = sprintf("P%03d", 1:n), lic_biopsy_mg_g = fmt(lic, 2), r2star_per_s = r2, t2star_ms = fmt(t2, 1),
                     sir_lic_mg_g = fmt(sir, 1), iron_overload = overload, iron_class = klass)
write_csv(cohort, "roc_cohort.csv")

# 2. Hanley & McNeil (1982), Radiology 143:29, Table 1: CT ratings (1 definitely normal .. 5 definitely abnormal) of
#    58 normal and 51 abnormal patients.
hm <- data.frame(rating = rep(rep(1:5, 2), times = c(33, 6, 6, 11, 2, 3, 2, 2, 11, 33)),
                 abnormal = rep(c(0, 1), times = c(58, 51)))
write_csv(hm, "roc_hanley_mcneil_1982.csv")

# 3. Small with ties across classes; 4. the smallest DeLong-able sample (2 vs 2); 5. perfect separation.
small <- data.frame(score = c(1, 2, 2, 3, 3, 3, 4, 5, 5), score2 = c(2, 1, 3, 3, 2, 5, 1, 4, 4), truth = c(0, 0, 1, 0, 1, 1, 0, 1, 1))
write_csv(small, "roc_small_ties.csv")
tiny <- data.frame(score = c(0.1, 0.4, 0.35, 0.8), truth = c(0, 0, 1, 1))
write_csv(tiny, "roc_tiny.csv")
sep <- data.frame(score = c(1, 2, 3, 5, 6, 7), truth = c(0, 0, 0, 1, 1, 1))
write_csv(sep, "roc_separated.csv")

# 6. Method comparison: biopsy LIC (a) against an MRI estimate (b) with proportional bias, one decimal (ties in x).
set.seed(6002)
m <- 60
a <- round(exp(rnorm(m, log(4), 0.8)), 1)
b <- round(0.3 + 1.12 * a * exp(rnorm(m, 0, 0.15)), 1)
write_csv(data.frame(id = sprintf("M%02d", 1:m), biopsy_lic_mg_g = fmt(a, 1), mri_lic_mg_g = fmt(b, 1)), "method_comparison.csv")

# 7. Bland & Altman (1986), Lancet i:307, Table 1, first reading of each meter (PEFR, l/min).
pefr <- data.frame(wright = c(494, 395, 516, 434, 476, 557, 413, 442, 650, 433, 417, 656, 267, 478, 178, 423, 427),
                   mini_wright = c(512, 430, 520, 428, 500, 600, 364, 380, 658, 445, 432, 626, 260, 477, 259, 350, 451))
write_csv(pefr, "bland_altman_pefr_1986.csv")

# 8. Small n with a tie in x (n = 5).
smalln <- data.frame(x = c(1, 2, 2, 4, 5), y = c(2, 1, 4, 3, 5.5))
write_csv(smalln, "small_n.csv")

# 9. Repeatability: 15 subjects, 2 to 4 repeated R2* measurements (unbalanced).
set.seed(6003)
reps <- rep(c(2, 3, 4), length.out = 15)
truth_r2 <- round(runif(15, 30, 600))
subj <- rep(sprintf("S%02d", 1:15), times = reps)
val <- round(rep(truth_r2, times = reps) * exp(rnorm(sum(reps), 0, 0.05)) + rnorm(sum(reps), 0, 3), 1)
write_csv(data.frame(subject = subj, r2star_per_s = fmt(val, 1)), "repeatability.csv")

# 10. Two readers grading iron overload 0-3 (reader B never uses grade 3: a category only one rater uses).
set.seed(6004)
k <- 80
g <- sample(0:3, k, replace = TRUE, prob = c(0.35, 0.3, 0.2, 0.15))
ga <- pmin(3, pmax(0, g + sample(c(-1, 0, 0, 0, 1), k, replace = TRUE)))
gb <- pmin(2, pmax(0, g + sample(c(-1, 0, 0, 0, 0, 1), k, replace = TRUE)))
write_csv(data.frame(reader_a = ga, reader_b = gb), "kappa_grades.csv")

# 11. 2x2 diagnostic tables and paired 2x2 tables (a = both positive, b = first only, c = second only, d = neither).
diag <- data.frame(name = c("typical", "zero_fp", "zero_fn", "small", "large"),
                   tp = c(45, 30, 25, 2, 480), fp = c(5, 0, 12, 1, 37), fn = c(10, 8, 0, 1, 52), tn = c(40, 42, 33, 3, 931))
write_csv(diag, "diagnostic_tables.csv")
mcn <- data.frame(name = c("discordant_15_5", "one_sided", "large", "few"),
                  a = c(20, 10, 50, 8), b = c(5, 3, 30, 1), c = c(15, 0, 12, 2), d = c(60, 12, 40, 9))
write_csv(mcn, "mcnemar_tables.csv")

# ---------------------------------------------------------------------------------------------------------------------
# Binomial intervals and 2x2 diagnostic tables
# ---------------------------------------------------------------------------------------------------------------------
cp <- function(x, n, level = 0.95) binom.test(x, n, conf.level = level)$conf.int
wilson <- function(x, n, level = 0.95) suppressWarnings(prop.test(x, n, conf.level = level, correct = FALSE))$conf.int
put_prop <- function(ds, name, x, n) {
  put(ds, name, x / n)
  ci <- cp(x, n); put(ds, paste0(name, ".cp.low"), ci[1]); put(ds, paste0(name, ".cp.high"), ci[2])
  wi <- wilson(x, n); put(ds, paste0(name, ".wilson.low"), wi[1]); put(ds, paste0(name, ".wilson.high"), wi[2])
}
for (x in c(0, 1, 7, 19, 20)) {
  ci <- cp(x, 20); put("binomial_20", sprintf("cp.%d.low", x), ci[1]); put("binomial_20", sprintf("cp.%d.high", x), ci[2])
  wi <- wilson(x, 20); put("binomial_20", sprintf("wilson.%d.low", x), wi[1]); put("binomial_20", sprintf("wilson.%d.high", x), wi[2])
  ci <- cp(x, 20, 0.9); put("binomial_20", sprintf("cp90.%d.low", x), ci[1]); put("binomial_20", sprintf("cp90.%d.high", x), ci[2])
}
z <- qnorm(0.975)
for (i in seq_len(nrow(diag))) {
  ds <- paste0("diag_", diag$name[i]); tp <- diag$tp[i]; fp <- diag$fp[i]; fn <- diag$fn[i]; tn <- diag$tn[i]
  n1 <- tp + fn; n0 <- fp + tn
  put_prop(ds, "sensitivity", tp, n1); put_prop(ds, "specificity", tn, n0)
  put_prop(ds, "ppv", tp, tp + fp); put_prop(ds, "npv", tn, tn + fn); put_prop(ds, "accuracy", tp + tn, n1 + n0)
  se <- tp / n1; sp <- tn / n0
  # Likelihood ratios, log method (Simel, Samsa & Matchar 1991).
  lrp <- se / (1 - sp); lrn <- (1 - se) / sp
  put(ds, "lr_pos", lrp); put(ds, "lr_neg", lrn)
  if (tp > 0 && fp > 0) { s <- sqrt(1 / tp - 1 / n1 + 1 / fp - 1 / n0); put(ds, "lr_pos.low", lrp * exp(-z * s)); put(ds, "lr_pos.high", lrp * exp(z * s)) }
  if (fn > 0 && tn > 0) { s <- sqrt(1 / fn - 1 / n1 + 1 / tn - 1 / n0); put(ds, "lr_neg.low", lrn * exp(-z * s)); put(ds, "lr_neg.high", lrn * exp(z * s)) }
  # Youden's J with MOVER intervals (Newcombe 1998 / Zou & Donner 2008) from Wilson and from Clopper-Pearson limits.
  j <- se + sp - 1; put(ds, "youden", j)
  for (kind in c("wilson", "cp")) {
    f <- if (kind == "wilson") wilson else cp
    cse <- f(tp, n1); csp <- f(tn, n0)
    put(ds, paste0("youden.", kind, ".low"), j - sqrt((se - cse[1])^2 + (sp - csp[1])^2))
    put(ds, paste0("youden.", kind, ".high"), j + sqrt((cse[2] - se)^2 + (csp[2] - sp)^2))
  }
  # Predictive values at a stated prevalence, logit interval (Mercaldo, Lau & Zhou 2007).
  for (prev in c(0.1, 0.3)) {
    ppv <- se * prev / (se * prev + (1 - sp) * (1 - prev)); npv <- sp * (1 - prev) / (sp * (1 - prev) + (1 - se) * prev)
    put(ds, sprintf("ppv_at_%.1f", prev), ppv); put(ds, sprintf("npv_at_%.1f", prev), npv)
    if (se > 0 && se < 1 && sp > 0 && sp < 1) {
      lp <- log(prev * se / ((1 - prev) * (1 - sp))); vp <- (1 - se) / (n1 * se) + sp / (n0 * (1 - sp))
      put(ds, sprintf("ppv_at_%.1f.low", prev), plogis(lp - z * sqrt(vp))); put(ds, sprintf("ppv_at_%.1f.high", prev), plogis(lp + z * sqrt(vp)))
      ln <- log((1 - prev) * sp / (prev * (1 - se))); vn <- (1 - sp) / (n0 * sp) + se / (n1 * (1 - se))
      put(ds, sprintf("npv_at_%.1f.low", prev), plogis(ln - z * sqrt(vn))); put(ds, sprintf("npv_at_%.1f.high", prev), plogis(ln + z * sqrt(vn)))
    }
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# ROC (pROC)
# ---------------------------------------------------------------------------------------------------------------------
coords_rows <- list()
roc_refs <- function(ds, truth, score, direction) {
  r <- roc(truth, score, levels = c(0, 1), direction = direction, quiet = TRUE)
  put(ds, "n_positive", length(r$cases)); put(ds, "n_negative", length(r$controls))
  put(ds, "auc", as.numeric(auc(r)))
  if (length(r$cases) > 1 && length(r$controls) > 1) {
    put(ds, "var_delong", var(r, method = "delong"))
    ci <- suppressWarnings(ci.auc(r, method = "delong", conf.level = 0.95)); put(ds, "ci_delong.low", ci[1]); put(ds, "ci_delong.high", ci[3])
    ci <- suppressWarnings(ci.auc(r, method = "delong", conf.level = 0.9)); put(ds, "ci90_delong.low", ci[1]); put(ds, "ci90_delong.high", ci[3])
  }
  all <- coords(r, "all", ret = c("threshold", "sensitivity", "specificity", "tp", "fp", "tn", "fn"), transpose = FALSE)
  put(ds, "n_thresholds", nrow(all))
  coords_rows[[length(coords_rows) + 1]] <<- data.frame(dataset = ds, threshold = sprintf("%.17g", all$threshold),
    sensitivity = sprintf("%.17g", all$sensitivity), specificity = sprintf("%.17g", all$specificity), stringsAsFactors = FALSE)
  # Youden: pROC returns every tied optimum; the C# side reports the one with the highest sensitivity and the tie count.
  best <- coords(r, "best", best.method = "youden", ret = c("threshold", "sensitivity", "specificity"), transpose = FALSE)
  best <- best[order(-best$sensitivity), , drop = FALSE]
  put(ds, "youden.threshold", best$threshold[1]); put(ds, "youden.sensitivity", best$sensitivity[1])
  put(ds, "youden.specificity", best$specificity[1]); put(ds, "youden.ties", nrow(best))
  # PPV = 100 %: no false positive and at least one true positive, the most sensitive such threshold (rule-in).
  pin <- all[all$fp == 0 & all$tp > 0, , drop = FALSE]
  if (nrow(pin) > 0) {
    pin <- pin[which.max(pin$tp), ]
    put(ds, "ppv100.threshold", pin$threshold); put(ds, "ppv100.sensitivity", pin$sensitivity); put(ds, "ppv100.specificity", pin$specificity)
  }
  # NPV = 100 %: no false negative and at least one true negative, the most specific such threshold (rule-out).
  pout <- all[all$fn == 0 & all$tn > 0, , drop = FALSE]
  if (nrow(pout) > 0) {
    pout <- pout[which.max(pout$tn), ]
    put(ds, "npv100.threshold", pout$threshold); put(ds, "npv100.sensitivity", pout$sensitivity); put(ds, "npv100.specificity", pout$specificity)
    if (nrow(pin) > 0) {
      # Subjects between the two cut-offs (neither ruled in nor ruled out).
      inside <- if (direction == "<") score >= pout$threshold & score < pin$threshold else score <= pout$threshold & score > pin$threshold
      put(ds, "band.count", sum(inside)); put(ds, "band.positive", sum(inside & truth == 1)); put(ds, "band.negative", sum(inside & truth == 0))
    }
  }
  invisible(r)
}
r_r2 <- roc_refs("roc_cohort_r2star", cohort$iron_overload, r2, "<")
r_t2 <- roc_refs("roc_cohort_t2star", cohort$iron_overload, t2, ">")
r_sir <- roc_refs("roc_cohort_sir", cohort$iron_overload, sir, "<")
roc_refs("roc_cohort_r2star_reversed", cohort$iron_overload, r2, ">")
roc_refs("roc_hanley_mcneil", hm$abnormal, hm$rating, "<")
r_small <- roc_refs("roc_small_ties", small$truth, small$score, "<")
r_small2 <- roc_refs("roc_small_ties_score2", small$truth, small$score2, "<")
roc_refs("roc_small_ties_lower", small$truth, small$score, ">")
roc_refs("roc_tiny", tiny$truth, tiny$score, "<")
roc_refs("roc_separated", sep$truth, sep$score, "<")

# Bootstrap (stratified, percentile): a different random stream from ours, so the tests compare loosely.
set.seed(6005)
ci <- ci.auc(r_r2, method = "bootstrap", boot.n = 2000, boot.stratified = TRUE, progress = "none")
put("roc_cohort_r2star", "ci_bootstrap.low", ci[1]); put("roc_cohort_r2star", "ci_bootstrap.high", ci[3])

# Paired DeLong comparisons.
paired <- function(ds, r1, r2) {
  t <- roc.test(r1, r2, method = "delong", paired = TRUE)
  put(ds, "auc1", as.numeric(auc(r1))); put(ds, "auc2", as.numeric(auc(r2)))
  put(ds, "z", unname(t$statistic)); put(ds, "p", t$p.value)
}
paired("compare_r2star_sir", r_r2, r_sir)
paired("compare_t2star_sir", r_t2, r_sir)
paired("compare_small_ties", r_small, r_small2)
# Unpaired: first 60 patients' R2* against the last 60 patients' SIR estimate.
h1 <- 1:60; h2 <- 61:120
u1 <- roc(overload[h1], r2[h1], levels = c(0, 1), direction = "<", quiet = TRUE)
u2 <- roc(overload[h2], sir[h2], levels = c(0, 1), direction = "<", quiet = TRUE)
t <- roc.test(u1, u2, method = "delong", paired = FALSE)
put("compare_unpaired", "auc1", as.numeric(auc(u1))); put("compare_unpaired", "auc2", as.numeric(auc(u2)))
put("compare_unpaired", "t", unname(t$statistic)); put("compare_unpaired", "df", unname(t$parameter)); put("compare_unpaired", "p_t", t$p.value)
zu <- (as.numeric(auc(u1)) - as.numeric(auc(u2))) / sqrt(var(u1) + var(u2))
put("compare_unpaired", "z", zu); put("compare_unpaired", "p_z", 2 * pnorm(-abs(zu)))

# Three-band table against the three-class truth at the cohort's R2* rule-out / rule-in cut-offs.
get_ref <- function(ds, st) as.numeric(Filter(function(r) r$dataset == ds && r$statistic == st, refs)[[1]]$value)
lo <- get_ref("roc_cohort_r2star", "npv100.threshold"); hi <- get_ref("roc_cohort_r2star", "ppv100.threshold")
band <- ifelse(r2 < lo, "rule_out", ifelse(r2 >= hi, "rule_in", "uncertain"))
tab <- table(factor(band, levels = c("rule_out", "uncertain", "rule_in")), factor(klass, levels = c("normal", "moderate", "high")))
for (bi in rownames(tab)) for (ci in colnames(tab)) put("three_band_r2star", paste0(bi, ".", ci), tab[bi, ci])

# ---------------------------------------------------------------------------------------------------------------------
# Bland-Altman, repeatability
# ---------------------------------------------------------------------------------------------------------------------
ba <- function(ds, a, b) {
  for (scale in c("difference", "percent", "log")) {
    d <- switch(scale, difference = b - a, percent = 100 * (b - a) / ((a + b) / 2), log = log(b) - log(a))
    mn <- (a + b) / 2; n <- length(d); s <- sd(d); bias <- mean(d); tq <- qt(0.975, n - 1)
    p <- paste0(scale, ".")
    put(ds, paste0(p, "n"), n); put(ds, paste0(p, "bias"), bias); put(ds, paste0(p, "sd"), s)
    put(ds, paste0(p, "bias.low"), bias - tq * s / sqrt(n)); put(ds, paste0(p, "bias.high"), bias + tq * s / sqrt(n))
    lo <- bias - 1.96 * s; hi <- bias + 1.96 * s
    put(ds, paste0(p, "loa.low"), lo); put(ds, paste0(p, "loa.high"), hi)
    se86 <- sqrt(3 * s^2 / n)                               # Bland & Altman 1986
    se99 <- sqrt((1 / n + 1.96^2 / (2 * (n - 1))) * s^2)    # Bland & Altman 1999
    put(ds, paste0(p, "loa.low.ci86.low"), lo - tq * se86); put(ds, paste0(p, "loa.low.ci86.high"), lo + tq * se86)
    put(ds, paste0(p, "loa.high.ci86.low"), hi - tq * se86); put(ds, paste0(p, "loa.high.ci86.high"), hi + tq * se86)
    put(ds, paste0(p, "loa.low.ci99.low"), lo - tq * se99); put(ds, paste0(p, "loa.low.ci99.high"), lo + tq * se99)
    put(ds, paste0(p, "loa.high.ci99.low"), hi - tq * se99); put(ds, paste0(p, "loa.high.ci99.high"), hi + tq * se99)
    fit <- summary(lm(d ~ mn))$coefficients
    put(ds, paste0(p, "prop.slope"), fit[2, 1]); put(ds, paste0(p, "prop.intercept"), fit[1, 1])
    put(ds, paste0(p, "prop.slope.se"), fit[2, 2]); put(ds, paste0(p, "prop.slope.p"), fit[2, 4])
  }
}
ba("ba_method_comparison", a, b)
ba("ba_pefr", pefr$wright, pefr$mini_wright)
ba("ba_small_n", smalln$x, smalln$y)

rep_df <- data.frame(subject = factor(subj), value = val)
av <- summary(aov(value ~ subject, data = rep_df))[[1]]
msw <- av["Residuals", "Mean Sq"]; dfw <- av["Residuals", "Df"]; sw <- sqrt(msw)
put("repeatability", "within_sd", sw); put("repeatability", "df", dfw)
put("repeatability", "within_sd.low", sqrt(dfw * msw / qchisq(0.975, dfw))); put("repeatability", "within_sd.high", sqrt(dfw * msw / qchisq(0.025, dfw)))
put("repeatability", "rc", 1.96 * sqrt(2) * sw)

# ---------------------------------------------------------------------------------------------------------------------
# Correlation and method-comparison regression
# ---------------------------------------------------------------------------------------------------------------------
deming <- function(x, y, lambda) {
  # lambda = Var(error in y) / Var(error in x). Rescale y so both errors have equal variance, then take the major axis
  # of the sample covariance matrix (an eigenvector), a second route to the closed form the C# code uses.
  ys <- y / sqrt(lambda)
  e <- eigen(cov(cbind(x, ys)), symmetric = TRUE)$vectors[, 1]
  slope <- sqrt(lambda) * e[2] / e[1]
  c(slope, mean(y) - slope * mean(x))
}
passing_bablok <- function(x, y, level = 0.95) {
  n <- length(x); s <- c()
  for (i in 1:(n - 1)) for (j in (i + 1):n) {
    dx <- x[j] - x[i]; dy <- y[j] - y[i]
    if (dx == 0 && dy == 0) next
    sl <- if (dx == 0) sign(dy) * Inf else dy / dx
    if (sl == -1) next
    s <- c(s, sl)
  }
  s <- sort(s); N <- length(s); K <- sum(s < -1)
  slope <- if (N %% 2 == 1) s[(N + 1) / 2 + K] else (s[N / 2 + K] + s[N / 2 + 1 + K]) / 2
  C <- qnorm(1 - (1 - level) / 2) * sqrt(n * (n - 1) * (2 * n + 5) / 18)
  M1 <- round((N - C) / 2); M2 <- N - M1 + 1
  # With too few pairs the order statistics fall outside the slopes: the interval is open-ended (our convention).
  lo <- if (M1 + K >= 1) s[M1 + K] else -Inf; hi <- if (M2 + K <= N) s[M2 + K] else Inf
  c(slope = slope, intercept = median(y - slope * x), slope.low = lo, slope.high = hi,
    intercept.low = if (is.finite(hi)) median(y - hi * x) else -Inf, intercept.high = if (is.finite(lo)) median(y - lo * x) else Inf, N = N, K = K)
}
corr <- function(ds, x, y) {
  n <- length(x)
  ct <- cor.test(x, y, method = "pearson")
  put(ds, "pearson.r", unname(ct$estimate)); put(ds, "pearson.low", ct$conf.int[1]); put(ds, "pearson.high", ct$conf.int[2]); put(ds, "pearson.p", ct$p.value)
  st <- suppressWarnings(cor.test(x, y, method = "spearman", exact = FALSE))
  rho <- unname(st$estimate)
  put(ds, "spearman.rho", rho); put(ds, "spearman.p", st$p.value)
  if (n > 3) {
    zz <- atanh(rho); se <- sqrt(1.06 / (n - 3))   # Fieller, Hartley & Pearson (1957)
    put(ds, "spearman.low", tanh(zz - qnorm(0.975) * se)); put(ds, "spearman.high", tanh(zz + qnorm(0.975) * se))
  }
  fit <- lm(y ~ x); co <- summary(fit)$coefficients; ci <- confint(fit)
  put(ds, "ols.slope", co[2, 1]); put(ds, "ols.intercept", co[1, 1]); put(ds, "ols.slope.se", co[2, 2]); put(ds, "ols.intercept.se", co[1, 2])
  put(ds, "ols.slope.low", ci[2, 1]); put(ds, "ols.slope.high", ci[2, 2]); put(ds, "ols.intercept.low", ci[1, 1]); put(ds, "ols.intercept.high", ci[1, 2])
  put(ds, "ols.slope.p", co[2, 4]); put(ds, "ols.r2", summary(fit)$r.squared); put(ds, "ols.sigma", summary(fit)$sigma)
  for (lambda in c(1, 2)) {
    est <- deming(x, y, lambda)
    jk <- t(sapply(1:n, function(i) deming(x[-i], y[-i], lambda)))
    se <- sqrt((n - 1) / n * colSums(sweep(jk, 2, colMeans(jk))^2))   # jackknife (Linnet 1990)
    tq <- qt(0.975, n - 2); p <- sprintf("deming%g.", lambda)
    put(ds, paste0(p, "slope"), est[1]); put(ds, paste0(p, "intercept"), est[2])
    put(ds, paste0(p, "slope.se"), se[1]); put(ds, paste0(p, "intercept.se"), se[2])
    put(ds, paste0(p, "slope.low"), est[1] - tq * se[1]); put(ds, paste0(p, "slope.high"), est[1] + tq * se[1])
    put(ds, paste0(p, "intercept.low"), est[2] - tq * se[2]); put(ds, paste0(p, "intercept.high"), est[2] + tq * se[2])
  }
  pb <- passing_bablok(x, y)
  for (nm in names(pb)) put(ds, paste0("pb.", nm), pb[[nm]])
  # Lin's concordance correlation coefficient (1989; 2000 erratum) with 1/n moments and the z-transform interval.
  mx <- mean(x); my <- mean(y); sx2 <- mean((x - mx)^2); sy2 <- mean((y - my)^2); sxy <- mean((x - mx) * (y - my))
  rc <- 2 * sxy / (sx2 + sy2 + (mx - my)^2); r <- sxy / sqrt(sx2 * sy2); u <- (mx - my) / (sx2 * sy2)^0.25
  vz <- ((1 - r^2) * rc^2 / ((1 - rc^2) * r^2) + 2 * rc^3 * (1 - rc) * u^2 / (r * (1 - rc^2)^2) - rc^4 * u^4 / (2 * r^2 * (1 - rc^2)^2)) / (n - 2)
  put(ds, "ccc", rc); put(ds, "ccc.low", tanh(atanh(rc) - qnorm(0.975) * sqrt(vz))); put(ds, "ccc.high", tanh(atanh(rc) + qnorm(0.975) * sqrt(vz)))
  put(ds, "ccc.cb", rc / r)
}
corr("corr_method_comparison", a, b)
corr("corr_pefr", pefr$wright, pefr$mini_wright)
corr("corr_small_n", smalln$x, smalln$y)

# ---------------------------------------------------------------------------------------------------------------------
# Agreement: kappa (vcd, psych, and the Fleiss-Cohen-Everitt null SE), McNemar, Bowker, k-class confusion matrix
# ---------------------------------------------------------------------------------------------------------------------
lev <- 0:3
tabk <- table(factor(ga, levels = lev), factor(gb, levels = lev))
kap_null_se <- function(p, w) {
  pr <- rowSums(p); pc <- colSums(p); pe <- sum(w * outer(pr, pc))
  wr <- as.vector(w %*% pc); wc <- as.vector(t(w) %*% pr)   # mean weight of row i over columns, of column j over rows
  s <- 0
  for (i in seq_along(pr)) for (j in seq_along(pc)) s <- s + pr[i] * pc[j] * (w[i, j] - (wr[i] + wc[j]))^2
  sqrt((s - pe^2) / (sum(tabk) * (1 - pe)^2))
}
kk <- length(lev); p <- tabk / sum(tabk)
weights <- list(none = diag(kk), linear = 1 - abs(outer(1:kk, 1:kk, "-")) / (kk - 1), quadratic = 1 - (abs(outer(1:kk, 1:kk, "-")) / (kk - 1))^2)
vk <- Kappa(tabk, weights = "Equal-Spacing"); vq <- Kappa(tabk, weights = "Fleiss-Cohen")
put("kappa_grades", "none.kappa", vk$Unweighted[["value"]]); put("kappa_grades", "none.se", vk$Unweighted[["ASE"]])
put("kappa_grades", "linear.kappa", vk$Weighted[["value"]]); put("kappa_grades", "linear.se", vk$Weighted[["ASE"]])
put("kappa_grades", "quadratic.kappa", vq$Weighted[["value"]]); put("kappa_grades", "quadratic.se", vq$Weighted[["ASE"]])
for (w in names(weights)) {
  ws <- weights[[w]]; po <- sum(ws * p); pe <- sum(ws * outer(rowSums(p), colSums(p)))
  put("kappa_grades", paste0(w, ".po"), po); put("kappa_grades", paste0(w, ".pe"), pe)
  se0 <- kap_null_se(p, ws); kap <- (po - pe) / (1 - pe)
  put("kappa_grades", paste0(w, ".se0"), se0); put("kappa_grades", paste0(w, ".z"), kap / se0); put("kappa_grades", paste0(w, ".p"), 2 * pnorm(-abs(kap / se0)))
}
ck <- confint(vk); cq <- confint(vq)
put("kappa_grades", "none.low", ck[1, 1]); put("kappa_grades", "none.high", ck[1, 2])
put("kappa_grades", "linear.low", ck[2, 1]); put("kappa_grades", "linear.high", ck[2, 2])
put("kappa_grades", "quadratic.low", cq[2, 1]); put("kappa_grades", "quadratic.high", cq[2, 2])
ps <- suppressWarnings(cohen.kappa(cbind(ga, gb), levels = lev))   # psych: default weights are quadratic
put("kappa_grades", "psych.kappa", ps$kappa); put("kappa_grades", "psych.var", ps$var.kappa)
put("kappa_grades", "psych.weighted_kappa", ps$weighted.kappa); put("kappa_grades", "psych.var_weighted", ps$var.weighted)
bw <- mcnemar.test(tabk[1:3, 1:3])   # Bowker on the categories both readers used (the 4x4 has an empty pair: R gives NaN)
put("kappa_grades", "bowker3.statistic", unname(bw$statistic)); put("kappa_grades", "bowker3.df", unname(bw$parameter)); put("kappa_grades", "bowker3.p", bw$p.value)
for (i in seq_along(lev)) {
  cl <- lev[i]
  if (sum(tabk[i, ]) > 0) put_prop("confusion_grades", sprintf("class%d.recall", cl), tabk[i, i], sum(tabk[i, ]))
  if (sum(tabk[, i]) > 0) put_prop("confusion_grades", sprintf("class%d.precision", cl), tabk[i, i], sum(tabk[, i]))
}
put_prop("confusion_grades", "accuracy", sum(diag(tabk)), sum(tabk))
for (i in seq_len(nrow(mcn))) {
  ds <- paste0("mcnemar_", mcn$name[i]); mt <- matrix(c(mcn$a[i], mcn$c[i], mcn$b[i], mcn$d[i]), 2)
  bb <- mcn$b[i]; cc <- mcn$c[i]
  t1 <- mcnemar.test(mt, correct = FALSE); t2 <- mcnemar.test(mt, correct = TRUE)
  put(ds, "chisq", unname(t1$statistic)); put(ds, "p_chisq", t1$p.value)
  put(ds, "chisq_corrected", unname(t2$statistic)); put(ds, "p_chisq_corrected", t2$p.value)
  put(ds, "p_exact", binom.test(bb, bb + cc, 0.5)$p.value)
}

# ---------------------------------------------------------------------------------------------------------------------
write_csv(do.call(rbind, refs), "reference_values.csv")
write_csv(do.call(rbind, coords_rows), "roc_coords.csv")
writeLines(c(R.version.string, paste("pROC", packageVersion("pROC")), paste("psych", packageVersion("psych")),
             paste("vcd", packageVersion("vcd"))), file.path(out, "reference_provenance.txt"))
