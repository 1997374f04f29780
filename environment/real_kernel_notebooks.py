#!/usr/bin/python3
"""Runs every curated notebook in the real .NET Interactive kernel and compares it with `ironnb reproduce` (issue 17).

Driven by Debian's python3-nbclient / python3-jupyter-client (run with /usr/bin/python3). The kernel spec named by
--kernel is written by environment/check-notebooks-real-kernel.sh into a private JUPYTER_PATH; the connection file binds
127.0.0.1 only and the kernel's HTTP API is started with --http-local-only. A notebook fails when the real kernel gives
any error output, any stderr output, a published check whose verdict is not "match", a first cell that does not show
the library built from this checkout, or checks (cell, quantity, verdict) that differ from `ironnb reproduce --json`.

    /usr/bin/python3 environment/real_kernel_notebooks.py --notebooks notebooks --out out/real-kernel \
        --ironnb out/real-kernel/ironnb.json --repo "$PWD" --kernel ironnb-dotnet-csharp
"""
import argparse
import glob
import json
import math
import os
import sys
import time

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

CHECK_MIME = "application/vnd.ironnb.check+json"


def verdict(check):
    """The rule of PublishedCheck.Verdict and the runner: |reproduced - published| <= tolerance (+1e-12 relative)."""
    def num(v):
        return float(v) if not isinstance(v, str) else float(v.replace("Infinity", "inf"))
    p, r, t = num(check["published"]), num(check["reproduced"]), num(check["tolerance"])
    ok = math.isfinite(r) and abs(r - p) <= t + 1e-12 * max(abs(p), abs(r))
    return "match" if ok else "differs", r


def text_of(output):
    if output.get("output_type") == "stream":
        return output.get("text", "")
    data = output.get("data", {})
    return data.get("text/plain", "") if isinstance(data.get("text/plain", ""), str) else "".join(data["text/plain"])


def run_one(path, kernel, timeout):
    nb = nbformat.read(path, as_version=4)
    km = KernelManager(kernel_name=kernel, ip="127.0.0.1", transport="tcp")
    client = NotebookClient(nb, km=km, kernel_name=kernel, timeout=timeout, allow_errors=True, record_timing=True,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    started = time.monotonic()
    first_cell_s = None
    try:
        with client.setup_kernel():
            client.kc.wait_for_ready(timeout=120)
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
                if first_cell_s is None and cell.cell_type == "code":
                    first_cell_s = time.monotonic() - started
    finally:
        # nbclient leaves a kernel it did not create (km passed in) running: without this every notebook left a
        # dotnet-interactive process behind, holding CI's output pipe open so .ci/run never ended.
        if km.has_kernel:
            km.shutdown_kernel(now=True)
    return nb, time.monotonic() - started, first_cell_s


def inspect(nb, name, repo):
    problems, checks = [], []
    first_code = True
    for index, cell in enumerate(nb.cells):
        position = index + 1
        if cell.cell_type != "code":
            continue
        for o in cell.outputs:
            kind = o.get("output_type")
            if kind == "error":
                problems.append(f"cell {position}: error output {o.get('ename')}: {o.get('evalue')}")
            elif kind == "stream" and o.get("name") == "stderr":
                problems.append(f"cell {position}: stderr output: {o.get('text', '').strip()[:300]}")
            elif kind in ("display_data", "execute_result") and CHECK_MIME in o.get("data", {}):
                raw = o["data"][CHECK_MIME]
                check = json.loads(raw) if isinstance(raw, str) else raw
                v, r = verdict(check)
                checks.append({"cell": position, "quantity": check["quantity"], "reproduced": r, "verdict": v})
        if first_code:
            first_code = False
            shown = "".join(text_of(o) for o in cell.outputs)
            if "-local." not in shown or f"from {repo};" not in shown:
                problems.append(f"cell {position}: the first cell does not show a build-stamped IronNotebooks from {repo} "
                                f"(run bash environment/setup-polyglot.sh); it showed: {shown.strip()[:300]!r}")
    problems += [f"cell {c['cell']}: check '{c['quantity']}' {c['verdict']} (reproduced {c['reproduced']})"
                 for c in checks if c["verdict"] != "match"]
    return problems, checks


def compare(name, real_checks, ironnb_run):
    """`ironnb run` and the real kernel must publish the same checks with the same verdicts."""
    if ironnb_run is None:
        return [f"`ironnb reproduce` has no run of {name}"]
    problems = []
    if not ironnb_run.get("succeeded", False):
        problems.append("`ironnb run` did not succeed: " + "; ".join(
            f"cell {c['cell']} {c['status']} {c.get('eName') or ''}" for c in ironnb_run.get("cells", []) if c["status"] != "succeeded"))
    mine = sorted((c["cell"], c["quantity"], c["verdict"]) for c in ironnb_run.get("checks", []))
    theirs = sorted((c["cell"], c["quantity"], c["verdict"]) for c in real_checks)
    if mine != theirs:
        problems.append(f"checks differ between ironnb run and the real kernel: only ironnb {sorted(set(mine) - set(theirs))}, "
                        f"only the real kernel {sorted(set(theirs) - set(mine))}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--notebooks", default="notebooks")
    ap.add_argument("--out", default="out/real-kernel")
    ap.add_argument("--ironnb", required=True, help="`ironnb reproduce --json` output for the same notebooks")
    ap.add_argument("--repo", required=True)
    ap.add_argument("--kernel", default="ironnb-dotnet-csharp")
    ap.add_argument("--timeout", type=int, default=900, help="seconds per cell")
    args = ap.parse_args()
    with open(args.ironnb, encoding="utf-8") as f:
        ironnb = {r["notebook"]: r for r in json.load(f)["runs"]}
    os.makedirs(args.out, exist_ok=True)
    summary, failed = [], 0
    for path in sorted(glob.glob(os.path.join(args.notebooks, "*.ipynb"))):
        name = os.path.basename(path)
        try:
            nb, total_s, first_s = run_one(path, args.kernel, args.timeout)
            nbformat.write(nb, os.path.join(args.out, name))
            problems, checks = inspect(nb, name, args.repo)
            problems += compare(name, checks, ironnb.get(name))
        except Exception as e:  # a kernel that died or timed out is this notebook's failure; the others still run
            total_s, first_s, checks, problems = float("nan"), None, [], [f"the real kernel failed: {type(e).__name__}: {e}"]
        failed += bool(problems)
        summary.append({"notebook": name, "ok": not problems, "problems": problems, "checks": checks,
                        "totalSeconds": round(total_s, 2), "firstCellSeconds": None if first_s is None else round(first_s, 2)})
        status = "ok" if not problems else "FAILED"
        print(f"real kernel: {name}: {status}, {len(checks)} checks, {total_s:.1f} s (first cell {first_s or 0:.1f} s)", flush=True)
        for p in problems:
            print(f"  {p}", flush=True)
    with open(os.path.join(args.out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump({"notebooks": len(summary), "failed": failed, "runs": summary}, f, indent=1)
    print(f"real kernel: {len(summary) - failed} notebooks passed, {failed} failed")
    return 1 if failed or not summary else 0


if __name__ == "__main__":
    sys.exit(main())
