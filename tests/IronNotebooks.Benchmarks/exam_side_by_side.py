#!/usr/bin/python3
"""Side-by-side speed of exams and cohorts (issue 14), measured in one run on the same files.

  /usr/bin/python3 tests/IronNotebooks.Benchmarks/exam_side_by_side.py [--patients 200] [--matrix 128] [--jobs 2] [--repeats 20]

1. `exam measure` in-process (the Benchmarks project's `exam` mode: ExamMeasurement.Measure, median of N after a
   warm-up) against Debian's pydicom *only reading* the same exam (dcmread + pixel_array of every file, median of N).
   The target is a ratio <= 2.
2. `ironnb cohort run` over --patients synthetic exams (`ironnb synth --protocol all`) with --jobs workers: wall
   time, exams per minute, and the peak RSS of the process (GNU time's "Maximum resident set size", or
   /proc/self resource usage of the child). Target: peak RSS <= 1 GB at 200 exams, 128x128, 2 cores.
Needs /usr/bin/python3 with python3-pydicom + numpy (Debian) and the .NET SDK. Everything is written under a
temporary folder that is removed at the end.
"""
import argparse, json, os, resource, shutil, statistics, subprocess, sys, tempfile, time

import pydicom  # Debian python3-pydicom

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--patients", type=int, default=200)
    ap.add_argument("--matrix", type=int, default=128)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=20)
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="ironnb-exam-bench-")
    try:
        print("building ironnb and the benchmarks (Release)...", file=sys.stderr)
        run(["dotnet", "build", "-c", "Release", "-v", "q", os.path.join(ROOT, "tests", "IronNotebooks.Benchmarks")])
        run(["dotnet", "build", "-c", "Release", "-v", "q", os.path.join(ROOT, "lib", "IronNotebooks.Cli")])
        ironnb = ["dotnet", os.path.join(ROOT, "lib", "IronNotebooks.Cli", "bin", "Release", "net10.0", "ironnb.dll")]
        bench = ["dotnet", os.path.join(ROOT, "tests", "IronNotebooks.Benchmarks", "bin", "Release", "net10.0", "IronNotebooks.Benchmarks.dll")]
        synth = os.path.join(work, "synth")
        run(ironnb + ["synth", "--out", synth, "--patients", str(a.patients), "--protocol", "all", "--matrix", str(a.matrix), "--seed", "14"])
        exam = os.path.join(synth, "SYN-0001")

        # 1. one exam: C# in-process measurement vs pydicom read only
        cs = json.loads(run(bench + ["exam", exam, str(a.repeats)]).stdout.strip().splitlines()[-1])
        files = sorted(os.path.join(d, f) for d, _, fs in os.walk(exam) for f in fs if f.endswith(".dcm"))
        def read_all():
            for f in files:
                pydicom.dcmread(f).pixel_array
        read_all()  # warm-up
        times = []
        for _ in range(a.repeats):
            t = time.perf_counter(); read_all(); times.append((time.perf_counter() - t) * 1000)
        py = statistics.median(times)
        print(json.dumps({"exam": exam, "files": len(files), "rows": cs["rows"], "csharpMeasureMedianMs": cs["medianMs"],
                          "pydicomReadMedianMs": round(py, 3), "ratioCsharpOverPydicom": round(cs["medianMs"] / py, 3)}))

        # 2. the cohort: wall time, exams/min, peak RSS of the ironnb process
        out = os.path.join(work, "run")
        # A fresh Python process whose only child is ironnb reports that child's peak RSS (ru_maxrss, KiB on Linux),
        # so the builds above do not count.
        probe = "import resource,subprocess,sys; r=subprocess.run(sys.argv[1:]); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)"
        t = time.perf_counter()
        res = run([sys.executable, "-c", probe] + ironnb + ["cohort", "run", os.path.join(synth, "cohort.csv"), "--out", out, "--jobs", str(a.jobs), "--json"])
        wall = time.perf_counter() - t
        peak_kb = int(res.stderr.strip().splitlines()[-1])
        summary = json.loads(res.stdout)
        print(json.dumps({"exams": summary["exams"], "rows": summary["rows"], "failedRows": summary["failedRows"], "jobs": a.jobs,
                          "matrix": a.matrix, "wallSeconds": round(wall, 2), "examsPerMinute": round(summary["exams"] / wall * 60, 1),
                          "examsPerMinuteInsideRun": round(summary["exams"] / (summary["durationMs"] / 60000), 1),
                          "peakRssMb": round(peak_kb / 1024, 1),
                          "loadAverage": os.getloadavg()}))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
