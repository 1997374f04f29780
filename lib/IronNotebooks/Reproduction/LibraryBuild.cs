using System.Globalization;
using System.Reflection;

namespace IronNotebooks.Reproduction;

/// <summary>
/// Which build of the library a notebook loaded: version (with the build stamp <c>environment/setup-polyglot.sh</c>
/// puts in it), commit, build time, whether the checkout had uncommitted changes, and the file loaded. The curated
/// notebooks show <see cref="Summary"/> in their first cell, so a reader sees at once whether yesterday's package or
/// another clone's was loaded instead of the library built from this checkout.
/// </summary>
public sealed record LibraryBuild
{
    /// <summary>Package version without build metadata, e.g. "0.1.0-local.20261203051700" (setup) or "0.1.0" (plain build).</summary>
    public required string Version { get; init; }

    /// <summary>Git commit the assembly was built from (the SDK's source revision), or null when unknown.</summary>
    public required string? Commit { get; init; }

    /// <summary>When the package was built (stamped by the setup command); for a plain build, when the assembly file was written.</summary>
    public required DateTime BuiltUtc { get; init; }

    /// <summary>True when the setup command recorded uncommitted changes in the checkout, false when clean, null when not recorded.</summary>
    public required bool? UncommittedChanges { get; init; }

    /// <summary>The checkout the package was built from (recorded by the setup command), or null.</summary>
    public required string? SourceFolder { get; init; }

    /// <summary>The assembly file actually loaded.</summary>
    public required string AssemblyPath { get; init; }

    /// <summary>The IronNotebooks assembly loaded in this process.</summary>
    public static LibraryBuild Current { get; } = Of(typeof(LibraryBuild).Assembly);

    /// <summary>Reads the build facts stamped on an assembly.</summary>
    public static LibraryBuild Of(Assembly assembly)
    {
        string informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        var parts = informational.Split('+', 2);
        var metadata = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        string path = assembly.Location;
        DateTime built = metadata.TryGetValue("IronNotebooks.BuiltUtc", out var stamp)
            && DateTime.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? t
            : path.Length > 0 && File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
        return new LibraryBuild
        {
            Version = parts[0],
            Commit = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null,
            BuiltUtc = built,
            UncommittedChanges = metadata.TryGetValue("IronNotebooks.UncommittedChanges", out var dirty) && bool.TryParse(dirty, out var d) ? d : null,
            SourceFolder = metadata.TryGetValue("IronNotebooks.SourceFolder", out var src) && !string.IsNullOrEmpty(src) ? src : null,
            AssemblyPath = path,
        };
    }

    /// <summary>One line for a notebook's first cell: version, commit, build time, source and loaded file.</summary>
    public string Summary
    {
        get
        {
            string commit = Commit is null ? "commit unknown" : "commit " + Commit[..Math.Min(12, Commit.Length)]
                + (UncommittedChanges == true ? " + uncommitted changes" : "");
            string from = SourceFolder is null ? "" : $" from {SourceFolder}";
            return string.Create(CultureInfo.InvariantCulture,
                $"IronNotebooks {Version} ({commit}), built {BuiltUtc:yyyy-MM-dd HH:mm:ss} UTC{from}; loaded {AssemblyPath}");
        }
    }

    /// <inheritdoc cref="Summary"/>
    public override string ToString() => Summary;
}
