#!/bin/bash
# Runs a cohort through Slurm on a throw-away single node (single-node.sh): submit-cohort.sh submits N shards as an
# array plus the merge job; this waits for the merge and prints the merged run folder. Usage:
#   IRONNB="dotnet …/ironnb.dll" environment/slurm/cohort-test.sh MANIFEST OUT N
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/single-node.sh" bash -c '
  set -euo pipefail
  read -r array merge < <("'"$here"'/submit-cohort.sh" "$1" "$2" "$3")
  echo "array job $array, merge job $merge" >&2
  while squeue -h -j "$array,$merge" 2>/dev/null | grep -q .; do sleep 0.5; done
  state=$(sacct -n -X -j "$merge" -o State 2>/dev/null | head -1 || true)
  test -f "$2/merged/results.csv" || { echo "merge did not write results.csv ($state)"; cat "$2"/slurm-*.out >&2; exit 1; }
  cat "$2"/slurm-*.out >&2
  echo "$2/merged"
' cohort-test "$@"
