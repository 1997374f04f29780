#!/usr/bin/python3
"""Cold start side by side (issue 17 item 5): the first cell of a curated notebook in a fresh `ironnb run` process
versus a fresh real .NET Interactive kernel, on the same cell, alternating runs so both see the same machine load.

ironnb: wall time from launching `ironnb run ONE_CELL.ipynb --json` to the process's exit (an upper bound on "first cell
result after process start": it also includes starting and ending the kernel's child process and writing the JSON).
real kernel: wall time from launching `dotnet-interactive jupyter` (through jupyter_client, 127.0.0.1, --http-local-only)
to the first cell's execute reply. Both cells load the library (`#r "nuget: IronNotebooks, 0.1.0-*"` and print
LibraryBuild.Current.Summary); run `bash environment/setup-polyglot.sh` first.

    /usr/bin/python3 tests/IronNotebooks.Benchmarks/cold_start_side_by_side.py --ironnb out/ironnb-r2r/ironnb --runs 5
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import nbformat
from jupyter_client.manager import KernelManager

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def one_cell_notebook(source_nb, folder):
    nb = nbformat.read(source_nb, as_version=4)
    first = next(c for c in nb.cells if c.cell_type == "code")
    nb.cells = [first]
    path = os.path.join(folder, "first-cell.ipynb")
    nbformat.write(nb, path)
    # notebooks/NuGet.config names ../out/packages relative to itself; the copy names the same folder absolutely.
    with open(os.path.join(folder, "NuGet.config"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?><configuration><packageSources>'
                f'<add key="ironnotebooks-this-checkout" value="{os.path.join(ROOT, "out", "packages")}" />'
                '</packageSources></configuration>')
    return path, first.source


def time_ironnb(ironnb, nb):
    t0 = time.monotonic()
    p = subprocess.run(ironnb + ["run", nb, "--json"], capture_output=True, text=True)
    wall = time.monotonic() - t0
    report = json.loads(p.stdout)
    if not report["succeeded"]:
        sys.exit(f"ironnb run failed: {p.stderr}")
    return wall


def time_real_kernel(kernel, folder, source):
    t0 = time.monotonic()
    km = KernelManager(kernel_name=kernel, ip="127.0.0.1")
    km.start_kernel(cwd=folder)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=300)
        reply = kc.execute_interactive(source, timeout=300, output_hook=lambda msg: None)
        wall = time.monotonic() - t0
        if reply["content"]["status"] != "ok":
            sys.exit(f"real kernel failed: {reply['content']}")
        return wall
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ironnb", default=os.path.join(ROOT, "out", "ironnb-r2r", "ironnb"),
                    help="ironnb executable (default: the ReadyToRun publish of environment/publish-ironnb.sh)")
    ap.add_argument("--notebook", default=os.path.join(ROOT, "notebooks", "00-runner-example.ipynb"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--tool", default=os.path.expanduser("~/.dotnet/tools/dotnet-interactive"))
    args = ap.parse_args()
    ironnb = args.ironnb.split()
    work = tempfile.mkdtemp(prefix="ironnb-coldstart-")
    try:
        nb, source = one_cell_notebook(args.notebook, work)
        spec = os.path.join(work, "jupyter", "kernels", "ironnb-bench")
        os.makedirs(spec)
        with open(os.path.join(spec, "kernel.json"), "w") as f:
            json.dump({"argv": [args.tool, "jupyter", "--default-kernel", "csharp", "--http-local-only", "{connection_file}"],
                       "display_name": ".NET (C#)", "language": "C#"}, f)
        os.environ["JUPYTER_PATH"] = os.path.join(work, "jupyter")
        time_ironnb(ironnb, nb)  # warm the disk cache and the NuGet cache for both, not measured
        time_real_kernel("ironnb-bench", work, source)
        mine, theirs = [], []
        for _ in range(args.runs):
            mine.append(time_ironnb(ironnb, nb))
            theirs.append(time_real_kernel("ironnb-bench", work, source))
        load = os.getloadavg()[0]
        m, t = statistics.median(mine), statistics.median(theirs)
        print(f"first cell of {os.path.basename(args.notebook)}, {args.runs} alternating cold runs, load average {load:.1f}")
        print(f"  ironnb run ({' '.join(ironnb)}): median {m:.2f} s, min {min(mine):.2f} s  {['%.2f' % x for x in mine]}")
        print(f"  real .NET Interactive kernel:     median {t:.2f} s, min {min(theirs):.2f} s  {['%.2f' % x for x in theirs]}")
        print(f"  ratio real kernel / ironnb (medians): {t / m:.1f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
