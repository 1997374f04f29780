using System.Diagnostics;

namespace IronNotebooks.Notebooks.Kernel;

/// <summary>How the headless kernel resolves references and how long a cell may run. Change with <c>with</c>.</summary>
/// <param name="Packages">
/// Package id → the assembly files that stand for it. <c>#r "nuget: Id, Version"</c> resolves here, never through a
/// package feed: the runner uses the library built from this repository, whatever version a notebook names.
/// </param>
/// <param name="BaseDirectory">Folder that relative <c>#r "file.dll"</c> paths start from (the notebook's folder); null: the current folder.</param>
/// <param name="CellTimeout">Longest a cell may run; null for no limit. A cell that times out ends the kernel (its thread cannot be stopped safely).</param>
/// <param name="OutputLimits">Per-cell output caps; null: <see cref="Kernel.OutputLimits.Default"/>.</param>
public sealed record KernelOptions(IReadOnlyDictionary<string, IReadOnlyList<string>> Packages, string? BaseDirectory = null, TimeSpan? CellTimeout = null,
    OutputLimits? OutputLimits = null)
{
    /// <summary>
    /// The IronNotebooks library beside the running program (the assemblies the CLI itself loads): IronNotebooks,
    /// IronNotebooks.Dicom and MathNet.Numerics from <see cref="AppContext.BaseDirectory"/>, where present.
    /// </summary>
    public static KernelOptions Default { get; } = new(LibraryPackages(AppContext.BaseDirectory));

    /// <summary>The IronNotebooks package as the assemblies found in <paramref name="folder"/> (empty when IronNotebooks.dll is not there).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> LibraryPackages(string folder)
    {
        var files = new[] { "IronNotebooks.dll", "IronNotebooks.Dicom.dll", "MathNet.Numerics.dll" }
            .Select(f => Path.Combine(folder, f)).Where(File.Exists).ToList();
        var packages = files.Count > 0 && files[0].EndsWith("IronNotebooks.dll", StringComparison.Ordinal)
            ? new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["IronNotebooks"] = files }
            : new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        // The ROI editor (ASP.NET Core from the shared framework, which the ironnb host already loads) depends on the library.
        var editor = Path.Combine(folder, "IronNotebooks.RoiEditor.dll");
        if (packages.TryGetValue("IronNotebooks", out var library) && File.Exists(editor)) packages["IronNotebooks.RoiEditor"] = [editor, .. library];
        return packages;
    }

    /// <summary>The package version stamped on an assembly (its informational version without build metadata), or null.</summary>
    public static string? VersionOf(string assemblyPath)
    {
        string? v = FileVersionInfo.GetVersionInfo(assemblyPath).ProductVersion;
        return v?.Split('+')[0];
    }

    /// <summary>
    /// True when a built version meets the version a notebook asks for: equal, or matching a NuGet floating version
    /// (<c>0.1.0-*</c> takes 0.1.0 and every 0.1.0 prerelease, as NuGet does).
    /// </summary>
    public static bool Satisfies(string requested, string built)
    {
        if (!requested.EndsWith('*')) return string.Equals(requested, built, StringComparison.OrdinalIgnoreCase);
        string prefix = requested[..^1];
        return built.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            || (prefix.EndsWith('-') && string.Equals(built, prefix[..^1], StringComparison.OrdinalIgnoreCase));
    }
}
