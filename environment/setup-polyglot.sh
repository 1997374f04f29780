#!/usr/bin/env bash
# The ONE setup command for opening the curated notebooks in VS Code (Polyglot Notebooks) or the real .NET Interactive
# kernel, from any clone, with no notebook edited:
#   1. packs IronNotebooks and IronNotebooks.Dicom into out/packages with a build-stamped version
#      (0.1.0-local.<UTC yyyyMMddHHmmss>, commit, build time, uncommitted changes and this folder stamped in the
#      assembly). notebooks/NuGet.config names ../out/packages as a package source (NuGet resolves the relative path
#      from the config file; the kernel runs in the notebook's folder and honours it), and the notebooks ask for
#      `#r "nuget: IronNotebooks, 0.1.0-*"`, the newest build in that folder; their first cell prints
#      IronNotebooks.Reproduction.LibraryBuild.Current, so the library loaded is visibly the one built here. Older
#      stamped packages are removed from out/packages and from the NuGet cache;
#   2. installs the .NET Interactive tool (Microsoft.dotnet-interactive, pinned) from the NuGet registry as a global
#      tool (VS Code's extension can also bring its own; a failure is reported, not fatal);
#   3. fetches plotly.js for offline `ironnb` reports (environment/fetch-plotly.sh).
# Idempotent. Run from anywhere: bash environment/setup-polyglot.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
interactive_version=1.0.712001
base=$(dotnet msbuild lib/IronNotebooks/IronNotebooks.csproj -getProperty:Version)
stamp=$(date -u +%Y%m%d%H%M%S)
version="$base-local.$stamp"
dirty=false
if git -C "$root" rev-parse --git-dir >/dev/null 2>&1 && [ -n "$(git -C "$root" status --porcelain --untracked-files=no)" ]; then dirty=true; fi
mkdir -p out/packages
rm -f out/packages/IronNotebooks.*.nupkg out/packages/IronNotebooks.Dicom.*.nupkg
for project in lib/IronNotebooks.Dicom/IronNotebooks.Dicom.csproj lib/IronNotebooks/IronNotebooks.csproj; do
  dotnet pack "$project" -c Release -o out/packages -v quiet -nologo \
  -p:Version="$version" -p:IronNotebooksBuiltUtc="$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  -p:IronNotebooksUncommittedChanges="$dirty" -p:IronNotebooksSourceFolder="$root"
done
nuget_cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
for id in ironnotebooks ironnotebooks.dicom; do
  # Unstamped 0.1.0 entries are what a stale `#r "nuget: IronNotebooks, 0.1.0"` used to load silently.
  find "$nuget_cache/$id" -mindepth 1 -maxdepth 1 -type d \( -name "$base" -o -name "$base-local.*" \) ! -name "$version" -exec rm -rf {} + 2>/dev/null || true
done
echo "packed IronNotebooks $version into $root/out/packages"
if [ -x "$HOME/.dotnet/tools/dotnet-interactive" ] && dotnet tool list -g | grep -qi "^microsoft.dotnet-interactive *$interactive_version"; then
  echo ".NET Interactive tool $interactive_version present"
elif dotnet tool install -g Microsoft.dotnet-interactive --version "$interactive_version" >/dev/null 2>&1 || dotnet tool update -g Microsoft.dotnet-interactive --version "$interactive_version" >/dev/null 2>&1; then
  echo "installed the .NET Interactive tool $interactive_version ($HOME/.dotnet/tools/dotnet-interactive)"
else
  echo "note: could not install Microsoft.dotnet-interactive $interactive_version from the package registry; the Polyglot Notebooks extension acquires its own" >&2
fi
bash environment/fetch-plotly.sh >/dev/null && echo "plotly.js cached for offline reports" || echo "note: plotly.js not fetched (needs npm or curl)" >&2
