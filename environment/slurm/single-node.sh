#!/bin/bash
# A throw-away single-node Slurm (Debian slurm-wlm 22.05 + munge) on 127.0.0.1 for tests: everything (key, sockets,
# state, logs, config) lives in a fresh temporary folder, ports are picked free, and the daemons are stopped when the
# command given exits (or after TIMEOUT seconds, default 300). Runs as root (the daemons' user) or as the user
# invoking it when that user may run them. Usage:
#   environment/slurm/single-node.sh COMMAND [ARGS…]     # COMMAND runs with SLURM_CONF set; its exit code is returned
set -euo pipefail
for tool in munged mungekey slurmctld slurmd sbatch sinfo; do
  command -v "$tool" >/dev/null || { echo "single-node.sh: $tool not found (apt-get install slurm-wlm munge)" >&2; exit 3; }
done
d=$(mktemp -d "${TMPDIR:-/tmp}/ironnb-slurm.XXXXXX")
chmod 700 "$d"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 0.5
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  if [ -n "${KEEP_SLURM_DIR:-}" ]; then echo "single-node.sh: kept $d" >&2; else rm -rf "$d"; fi
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
user=$(id -un)
mkdir -p "$d/munge" "$d/state" "$d/spool"
mungekey --create --keyfile="$d/munge/munge.key" --force >/dev/null 2>&1 || dd if=/dev/urandom of="$d/munge/munge.key" bs=1024 count=1 status=none
chmod 600 "$d/munge/munge.key"
munged --key-file="$d/munge/munge.key" --socket="$d/munge/munge.socket" --pid-file="$d/munge/munged.pid" \
  --log-file="$d/munge/munged.log" --seed-file="$d/munge/munged.seed" --force --foreground >"$d/munge/munged.out" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -S "$d/munge/munge.socket" ] && break; sleep 0.1; done
cport=$(free_port); dport=$(free_port)
: > "$d/plugstack.conf"
cat > "$d/slurm.conf" <<CONF
ClusterName=ironnbtest
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$cport
SlurmdPort=$dport
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
AuthInfo=socket=$d/munge/munge.socket
CredType=cred/munge
PlugStackConfig=$d/plugstack.conf
StateSaveLocation=$d/state
SlurmdSpoolDir=$d/spool
SlurmctldPidFile=$d/slurmctld.pid
SlurmdPidFile=$d/slurmd.pid
SlurmctldLogFile=$d/slurmctld.log
SlurmdLogFile=$d/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SwitchType=switch/none
SchedulerType=sched/builtin
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$d/slurm.conf"
slurmctld -D -i -f "$SLURM_CONF" >"$d/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -N localhost -f "$SLURM_CONF" >"$d/slurmd.out" 2>&1 &
pids+=($!)
deadline=$(( $(date +%s) + 60 ))
until sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "single-node.sh: the node did not come up in 60 s" >&2
    tail -n 20 "$d/slurmctld.log" "$d/slurmd.log" >&2 || true
    exit 4
  fi
  sleep 0.5
done
set +e
timeout "${TIMEOUT:-300}" "$@"
code=$?
set -e
if [ $code -ne 0 ]; then tail -n 20 "$d/slurmctld.log" "$d/slurmd.log" >&2 || true; fi
exit $code
