#!/usr/bin/env bash
# The fast-starting `ironnb` (issue 17, cold start): a ReadyToRun publish, so neither ironnb nor the kernel process it
# starts per notebook JIT-compiles Roslyn's IL-only assemblies before the first cell. Framework-dependent (the .NET 10
# runtime of the machine), for this machine's runtime identifier. Output: out/ironnb-r2r/ironnb.
#   bash environment/publish-ironnb.sh && out/ironnb-r2r/ironnb reproduce
set -euo pipefail
cd "$(dirname "$0")/.."
rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
dotnet publish lib/IronNotebooks.Cli -c Release -r "${rid:-linux-x64}" --self-contained false -p:PublishReadyToRun=true \
  -o out/ironnb-r2r -v quiet -nologo
echo "$(pwd)/out/ironnb-r2r/ironnb"
