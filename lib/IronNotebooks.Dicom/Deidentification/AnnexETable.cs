using System.Globalization;

namespace IronNotebooks.Dicom.Deidentification;

/// <summary>An action code of PS3.15 Table E.1-1.</summary>
public enum AnnexEAction
{
    /// <summary>K: keep the value (not a table code of the Basic Profile alone, but of its options).</summary>
    Keep,
    /// <summary>X: remove the attribute.</summary>
    Remove,
    /// <summary>Z: replace with a zero-length value, or a dummy value consistent with the VR.</summary>
    Zero,
    /// <summary>D: replace with a non-zero-length dummy value consistent with the VR.</summary>
    Dummy,
    /// <summary>C: clean: replace with values of similar meaning known not to identify the patient.</summary>
    Clean,
    /// <summary>U: replace the UID with a non-zero-length UID, consistently within the instance set.</summary>
    ReplaceUid,
}

/// <summary>The options of the Basic Application Level Confidentiality Profile that this library implements (PS3.15 E.3).</summary>
[Flags]
public enum ConfidentialityOptions
{
    /// <summary>The Basic Profile alone.</summary>
    None = 0,
    /// <summary>Retain Longitudinal Temporal Information with Modified Dates (E.3.6, code 113107): dates shifted by a per-patient offset.</summary>
    RetainLongitudinalModifiedDates = 1,
    /// <summary>Retain Patient Characteristics (E.3.7, code 113108): sex, age, size, weight, …</summary>
    RetainPatientCharacteristics = 2,
    /// <summary>Retain Device Identity (E.3.8, code 113109): station name, serial numbers, …</summary>
    RetainDeviceIdentity = 4,
    /// <summary>Clean Descriptors (E.3.5, code 113105): free-text descriptions kept after removing identifying text.</summary>
    CleanDescriptors = 8,
    /// <summary>Retain UIDs (E.3.9, code 113110): original UIDs kept.</summary>
    RetainUids = 16,
}

/// <summary>
/// One row of PS3.15 Table E.1-1: an attribute (or a tag pattern such as (50xx,xxxx)), the Basic Profile action as
/// the table writes it (e.g. "X/Z/D"), and the action each option column gives.
/// </summary>
public sealed record AnnexERule
{
    /// <summary>The tag as the table writes it, e.g. "(0010,0010)", "(60XX,3000)", "(GGGG,EEEE)" for private attributes.</summary>
    public required string TagPattern { get; init; }

    /// <summary>Attribute name from the table.</summary>
    public required string Name { get; init; }

    /// <summary>Basic Profile action as written: one code or a composite such as "X/Z", "X/Z/D", "X/Z/U*".</summary>
    public required string BasicProfile { get; init; }

    /// <summary>Option column → action code (K or C, or X for Referenced Patient Sequence under Retain UIDs).</summary>
    public required IReadOnlyDictionary<string, string> OptionActions { get; init; }

    /// <summary>True when the pattern matches <paramref name="tag"/> (x = any hex digit; GGGG,EEEE = any private tag).</summary>
    public bool Matches(DicomTag tag)
    {
        if (TagPattern == "(GGGG,EEEE)") return tag.IsPrivate;
        var text = $"({tag.Group:X4},{tag.Element:X4})";
        for (int i = 0; i < text.Length; i++)
            if (TagPattern[i] != 'X' && TagPattern[i] != text[i]) return false;
        return true;
    }

    /// <summary>True for an exact tag (no x wildcard and not the private pattern).</summary>
    public bool IsExactTag => !TagPattern.Contains('X', StringComparison.Ordinal) && TagPattern != "(GGGG,EEEE)";
}

/// <summary>
/// PS3.15 Annex E Table E.1-1 as data: the embedded resource <c>AnnexE-TableE1-1.tsv</c> (its header states the
/// edition and source), with the rule that turns a row and a set of options into one action.
/// </summary>
public static class AnnexETable
{
    /// <summary>Option column keys of the resource, by option.</summary>
    public static IReadOnlyDictionary<ConfidentialityOptions, string> OptionColumns { get; } = new Dictionary<ConfidentialityOptions, string>
    {
        [ConfidentialityOptions.RetainLongitudinalModifiedDates] = "MOD",
        [ConfidentialityOptions.RetainPatientCharacteristics] = "PAT",
        [ConfidentialityOptions.RetainDeviceIdentity] = "DEV",
        [ConfidentialityOptions.CleanDescriptors] = "DESC",
        [ConfidentialityOptions.RetainUids] = "UID",
    };

    private static readonly Lazy<IReadOnlyList<AnnexERule>> Loaded = new(Load);
    private static readonly Lazy<Dictionary<DicomTag, AnnexERule>> ByTag = new(() =>
        Loaded.Value.Where(r => r.IsExactTag).ToDictionary(r => DicomTag.Parse(r.TagPattern)));

    /// <summary>Every row of the table, in the order of the resource.</summary>
    public static IReadOnlyList<AnnexERule> Rules => Loaded.Value;

    /// <summary>The row for a tag: an exact row first, then a pattern row ((50xx,xxxx), (60xx,…), private); null when the table does not list it.</summary>
    public static AnnexERule? Find(DicomTag tag)
    {
        if (ByTag.Value.TryGetValue(tag, out var rule)) return rule;
        foreach (var r in Loaded.Value)
            if (!r.IsExactTag && r.Matches(tag)) return r;
        return null;
    }

    /// <summary>
    /// The action for a row under the options: an option column that applies wins over the Basic Profile (when two
    /// apply, K beats C beats X, so a retained attribute is never cleaned away); otherwise the Basic Profile code,
    /// composite codes resolved by <see cref="ResolveComposite"/>.
    /// </summary>
    public static AnnexEAction ActionFor(AnnexERule rule, ConfidentialityOptions options, bool isType1 = false)
    {
        ArgumentNullException.ThrowIfNull(rule);
        string? best = null;
        foreach (var (option, column) in OptionColumns)
        {
            if (!options.HasFlag(option) || !rule.OptionActions.TryGetValue(column, out var code)) continue;
            if (best is null || Rank(code) < Rank(best)) best = code;
        }
        return best is not null ? Parse(best) : ResolveComposite(rule.BasicProfile, isType1);
    }

    /// <summary>
    /// A composite Basic Profile code resolved for an attribute that is Type 1 (needs a value), or not: X/Z → Z (the
    /// empty value is as safe as removal and keeps a Type 2 attribute conformant); X/D → D when Type 1, else X;
    /// Z/D and X/Z/D → D when Type 1, else Z; X/Z/U* → U (a reference sequence kept with its UIDs replaced, so
    /// references between de-identified objects still resolve).
    /// </summary>
    public static AnnexEAction ResolveComposite(string code, bool isType1) => code switch
    {
        "X/Z" => AnnexEAction.Zero,
        "X/D" => isType1 ? AnnexEAction.Dummy : AnnexEAction.Remove,
        "Z/D" or "X/Z/D" => isType1 ? AnnexEAction.Dummy : AnnexEAction.Zero,
        "X/Z/U*" => AnnexEAction.ReplaceUid,
        _ => Parse(code),
    };

    private static int Rank(string code) => code switch { "K" => 0, "C" => 1, _ => 2 };

    private static AnnexEAction Parse(string code) => code switch
    {
        "K" => AnnexEAction.Keep,
        "X" => AnnexEAction.Remove,
        "Z" => AnnexEAction.Zero,
        "D" => AnnexEAction.Dummy,
        "C" => AnnexEAction.Clean,
        "U" => AnnexEAction.ReplaceUid,
        _ => throw new InvalidDataException($"Unknown PS3.15 Annex E action code '{code}'"),
    };

    private static IReadOnlyList<AnnexERule> Load()
    {
        using var stream = typeof(AnnexETable).Assembly.GetManifestResourceStream("IronNotebooks.Dicom.AnnexE-TableE1-1.tsv")
            ?? throw new InvalidOperationException("The embedded PS3.15 Table E.1-1 resource is missing from IronNotebooks.Dicom.");
        using var reader = new StreamReader(stream);
        var rules = new List<AnnexERule>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            if (cols.Length > 3)
                foreach (var pair in cols[3].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var kv = pair.Split('=');
                    options[kv[0]] = kv[1];
                }
            rules.Add(new AnnexERule { TagPattern = cols[0].ToUpper(CultureInfo.InvariantCulture), Name = cols[1], BasicProfile = cols[2], OptionActions = options });
        }
        return rules;
    }
}
