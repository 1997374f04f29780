#!/bin/bash
# Submits a cohort as a Slurm job array of N shards (cohort-array.sbatch) and a merge job that runs after every shard
# succeeded. Prints the two job ids. Usage: submit-cohort.sh MANIFEST OUT N [sbatch options…]
set -euo pipefail
manifest=$(realpath "$1"); out=$(realpath -m "$2"); n=$3; shift 3
here=$(cd "$(dirname "$0")" && pwd)
IRONNB=${IRONNB:-ironnb}
mkdir -p "$out"
array=$(MANIFEST="$manifest" OUT="$out" IRONNB="$IRONNB" sbatch --parsable --array="1-$n" --output="$out/slurm-%A_%a.out" "$@" "$here/cohort-array.sbatch")
shards=$(seq -f "$out/shard-%g" 1 "$n" | tr '\n' ' ')
merge=$(sbatch --parsable --dependency="afterok:$array" --job-name=ironnb-cohort-merge --output="$out/slurm-merge-%j.out" "$@" \
  --wrap "$IRONNB cohort merge $shards --out $out/merged")
echo "$array $merge"
