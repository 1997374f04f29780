#!/usr/bin/env bash
# Fetches the public DICOM/NIfTI corpus that the corpus tests read into ../shared/corpus beside this clone, from the
# sources named in its MANIFEST.csv (a public GitHub repository at a commit, or Debian's python3-pydicom package,
# whose test files are read from the installed package), and checks every file's sha256.
# Needs python3, internet access for the GitHub files, and a MANIFEST.csv: pass its path (from a colleague's checkout
# or the project's shared folder).
#   environment/fetch-corpus.sh path/to/MANIFEST.csv
set -euo pipefail
manifest=${1:?usage: fetch-corpus.sh MANIFEST.csv}
repo_root=$(cd "$(dirname "$0")/.." && pwd)
dest="$repo_root/../shared/corpus"
mkdir -p "$dest"
cp "$manifest" "$dest/MANIFEST.csv"
python3 - "$dest" <<'PY'
import csv, hashlib, os, sys, urllib.request
dest = sys.argv[1]
bad = 0
for row in csv.DictReader(open(os.path.join(dest, "MANIFEST.csv"))):
    origin, commit, original = row["origin"], row["commit"], row["original_path"]
    target = os.path.join(dest, row["file"])
    if os.path.exists(target) and hashlib.sha256(open(target, "rb").read()).hexdigest() == row["sha256"]:
        continue
    if origin.startswith("Debian package python3-pydicom"):
        # Debian installs these test files with the package (environment/install-reference-tools.sh installs it).
        if not os.path.exists(original):
            print(f"skip {row['file']}: install python3-pydicom first ({original} absent)"); bad += 1; continue
        data = open(original, "rb").read()
        if hashlib.sha256(data).hexdigest() != row["sha256"]:
            print(f"hash mismatch for {row['file']} from {original}"); bad += 1; continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        open(target, "wb").write(data)
        continue
    if not origin.startswith("github.com/"):
        print(f"skip {row['file']}: origin {origin} is not a GitHub repository"); bad += 1; continue
    url = f"https://raw.githubusercontent.com/{origin[len('github.com/'):]}/{commit}/{original}"
    os.makedirs(os.path.dirname(target), exist_ok=True)
    data = urllib.request.urlopen(url).read()
    if hashlib.sha256(data).hexdigest() != row["sha256"]:
        print(f"hash mismatch for {row['file']} from {url}"); bad += 1; continue
    open(target, "wb").write(data)
print("corpus complete" if bad == 0 else f"{bad} file(s) missing or wrong")
sys.exit(1 if bad else 0)
PY
