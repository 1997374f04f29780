#!/usr/bin/env bash
# Prepares a machine (or the dev container in .devcontainer/) to open the curated notebooks in VS Code with Polyglot
# Notebooks:
#   1. packs IronNotebooks and IronNotebooks.Dicom into out/packages, the folder the notebooks' `#i "nuget: …"` names,
#      and drops any older copy of the same version from the NuGet cache so the rebuilt package is the one loaded;
#   2. installs the .NET Interactive tool where the user's package registry serves it (the VS Code extension can also
#      acquire its own copy; a registry without it is reported, not fatal);
#   3. fetches plotly.js for offline `ironnb` reports (environment/fetch-plotly.sh).
# Idempotent. Run from anywhere: bash environment/setup-polyglot.sh
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(dotnet msbuild lib/IronNotebooks/IronNotebooks.csproj -getProperty:Version)
dotnet pack IronNotebooks.sln -c Release -o out/packages -v quiet
nuget_cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
rm -rf "$nuget_cache/ironnotebooks/$version" "$nuget_cache/ironnotebooks.dicom/$version"
echo "packed IronNotebooks $version into $(pwd)/out/packages"
if dotnet tool list -g | grep -qi '^microsoft.dotnet-interactive '; then
  echo ".NET Interactive tool present"
elif dotnet tool install -g Microsoft.dotnet-interactive >/dev/null 2>&1; then
  echo "installed the .NET Interactive tool"
else
  echo "note: this package registry does not serve Microsoft.dotnet-interactive; the Polyglot Notebooks extension acquires its own" >&2
fi
bash environment/fetch-plotly.sh >/dev/null && echo "plotly.js cached for offline reports" || echo "note: plotly.js not fetched (needs npm or curl)" >&2
if [ "$(pwd)" != "/workspaces/ironnotebooks" ]; then
  echo "note: the notebooks' #i line names /workspaces/ironnotebooks/out/packages (the dev container's path); outside it, change that line to $(pwd)/out/packages" >&2
fi
