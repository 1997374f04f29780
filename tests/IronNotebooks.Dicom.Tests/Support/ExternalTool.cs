using System.Diagnostics;

namespace IronNotebooks.Dicom.Tests.Support;

/// <summary>Runs outside reference tools. "pydicom" stands for Debian's /usr/bin/python3 with python3-pydicom,
/// "libopenjp2" for the OpenJPEG library.</summary>
public static class ExternalTool
{
    /// <summary>The executable for a tool name, or null when absent.</summary>
    public static string? Find(string tool)
    {
        if (tool == "pydicom") tool = "python:pydicom";
        // The OpenJPEG shared library (Debian libopenjp2-7), as the JPEG 2000 decoder finds it.
        if (tool == "libopenjp2") return IronNotebooks.Dicom.Imaging.Codec.Jpeg2000.Jpeg2000Decoder.Version;
        if (tool.StartsWith("python:", StringComparison.Ordinal))
            return File.Exists("/usr/bin/python3") && Run("/usr/bin/python3", ["-c", "import " + tool["python:".Length..]]).ExitCode == 0 ? "/usr/bin/python3" : null;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Runs a program to completion and returns its exit code and output.</summary>
    public static (int ExitCode, string StdOut, string StdErr) Run(string program, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Cannot start {program}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException($"{program} did not finish in 120 s"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The program for a tool, failing the test with a clear message when it is missing.</summary>
    public static string Require(string tool) =>
        Find(tool) ?? throw new InvalidOperationException($"{tool} is required here (CI installs it in .ci/run; locally run environment/install-reference-tools.sh).");
}
