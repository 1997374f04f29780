#!/usr/bin/env bash
# Side-by-side speed of `ironnb dicom deid` against DCMTK's dcmconv copying the same files (issue 19: de-identifying
# the corpus must take at most 2x the copy). Both read every DICOM file of ../shared/corpus (MANIFEST rows whose role
# starts with "dicom"), staged uncompressed in one folder, and write a new file per input.
#   bash tests/IronNotebooks.Benchmarks/deid_vs_dcmconv.sh [RUNS]
# Prints each run's seconds and the ratio deid / dcmconv (median of RUNS, default 3). Needs dcmtk and the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=../shared/corpus
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
n=0
while IFS=, read -r file _ _ _ _ _ _ role _; do
  [[ "$role" == dicom* ]] || continue
  n=$((n + 1))
  dest="$work/in/$(printf '%04d' "$n").dcm"
  if [[ "$file" == *.gz ]]; then gzip -dc "$corpus/$file" > "$dest"; else cp "$corpus/$file" "$dest"; fi
done < <(tail -n +2 "$corpus/MANIFEST.csv" | python3 -c 'import csv,sys; [print(",".join([r[0]]+[""]*6+[r[7]])) for r in csv.reader(sys.stdin)]')
echo "staged $n corpus DICOM files"
dotnet build -c Release lib/IronNotebooks.Cli -v quiet -nologo >/dev/null
ironnb="dotnet lib/IronNotebooks.Cli/bin/Release/net10.0/ironnb.dll"
python3 - "$work" "$runs" "$ironnb" <<'PY'
import os, shutil, subprocess, sys, time, statistics
work, runs, ironnb = sys.argv[1], int(sys.argv[2]), sys.argv[3].split()
files = sorted(os.listdir(os.path.join(work, "in")))
def dcmconv():
    out = os.path.join(work, "conv"); shutil.rmtree(out, ignore_errors=True); os.makedirs(out)
    t = time.perf_counter(); failed = 0
    for f in files:
        failed += subprocess.run(["dcmconv", os.path.join(work, "in", f), os.path.join(out, f)], capture_output=True).returncode != 0
    return time.perf_counter() - t, failed
def deid():
    out = os.path.join(work, "deid"); shutil.rmtree(out, ignore_errors=True)
    t = time.perf_counter()
    r = subprocess.run(ironnb + ["dicom", "deid", os.path.join(work, "in"), out, "--key", os.path.join(work, "key.bin"), "--map", os.path.join(work, "map.csv")], capture_output=True, text=True)
    return time.perf_counter() - t, r.stdout.strip().splitlines()[-2] if r.stdout.strip() else r.stderr
a, b = [], []
for i in range(runs):
    (ta, fa), (tb, sb) = dcmconv(), deid()
    a.append(ta); b.append(tb)
    print(f"run {i + 1}: dcmconv {ta:.2f} s ({fa} failed)   ironnb dicom deid {tb:.2f} s ({sb})")
print(f"median: dcmconv {statistics.median(a):.2f} s, deid {statistics.median(b):.2f} s, ratio deid/dcmconv {statistics.median(b) / statistics.median(a):.2f}")
PY
