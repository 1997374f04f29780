#!/usr/bin/env bash
# Installs the independent reference tools the tests compare against, from Debian's packages:
# DCMTK (dcmdump, dcmdjpeg, dcmdjpls; dsrdump and xml2dsr for the SR tests), GDCM (gdcmconv), pydicom + nibabel + numpy + scipy + PIL for Debian's own /usr/bin/python3, and R
# with pROC, psych and vcd for the statistics fixtures; Chromium (headless, for the notebook-report browser test);
# python3-nbclient + jupyter-client + nbformat drive the real .NET Interactive kernel over the curated notebooks (.ci/run);
# slurm-wlm + munge (a throw-away single-node Slurm for the cohort job-array test, environment/slurm/);
# OpenJPEG 2.5 (libopenjp2-7: the library the JPEG 2000/HTJ2K decoder loads; libopenjp2-tools: opj_decompress) and
# OpenJPH (openjph-tools: ojph_compress/ojph_expand, an independent HTJ2K encoder and decoder for the HTJ2K tests);
# dicom3tools (dciodvfy, the IOD validator the Parametric Map tests run).
# Idempotent; needs root (or sudo) and apt.
set -euo pipefail
packages=(dcmtk libgdcm-tools python3-pydicom python3-numpy python3-nibabel python3-pil python3-scipy r-base-core r-cran-proc r-cran-psych r-cran-vcd chromium
  python3-nbclient python3-jupyter-client python3-nbformat slurm-wlm munge libopenjp2-7 libopenjp2-tools openjph-tools dicom3tools)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then echo "reference tools present"; exit 0; fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "installed: ${missing[*]}"
