namespace IronNotebooks.Cli;

/// <summary>
/// The one JSON contract of every `--json` output (agreed across the CLI, README "The command line"; checked over every
/// command by JsonContractTests): camelCase keys; one spelling per quantity, with its unit in the name
/// (<see cref="QuantityNames"/>); outcome and status values are the camelCase names of the C# enum members, produced
/// by the one converter of <see cref="CliJson.Options"/> (<c>estimated</c>, <c>aboveRange</c>,
/// <c>beyondMeasurableRange</c>, <c>failed</c>, <c>converged</c>, …); spellings in <see cref="RetiredNames"/> never appear.
/// </summary>
public static class JsonContract
{
    /// <summary>Quantity → its only key.</summary>
    public static IReadOnlyDictionary<string, string> QuantityNames { get; } = new Dictionary<string, string>
    {
        ["field strength of the scan, T"] = "fieldStrengthT",
        ["field strength a calibration was derived at, T"] = "calibrationFieldStrengthT",
        ["R2*, s⁻¹"] = "r2StarPerSecond",
        ["R2, s⁻¹"] = "r2PerSecond",
        ["echo times, ms"] = "echoTimesMs",
        ["LIC, µmol Fe/g dry liver"] = "licUmolPerGram",
        ["LIC, mg Fe/g dry liver"] = "licMgPerGram",
        ["slice position along the plane normal, mm"] = "sliceLocationMm",
    };

    /// <summary>Spellings replaced by <see cref="QuantityNames"/>; no command may print them.</summary>
    public static IReadOnlySet<string> RetiredNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "fieldT", "field", "calibrationField", "calibrationFieldT", "measuredFieldT", "r2Star", "r2StarPerS", "echoTimes", "teMs", "lic",
    };

    /// <summary>Keys whose values are enum spellings (camelCase of the member name).</summary>
    public static IReadOnlySet<string> EnumValuedKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "status", "outcome", "severity", "component",
    };
}
