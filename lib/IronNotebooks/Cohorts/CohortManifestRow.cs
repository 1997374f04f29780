namespace IronNotebooks.Cohorts;

/// <summary>One exam of a cohort manifest.</summary>
public sealed record CohortManifestRow
{
    /// <summary>Exam id (column `exam`), unique in the manifest.</summary>
    public required string Exam { get; init; }

    /// <summary>The exam folder, absolute (relative paths are taken from the manifest's folder).</summary>
    public required string Folder { get; init; }

    /// <summary>ROI set file (column `rois`, optional), absolute; null for the folder's rois.json.</summary>
    public string? Rois { get; init; }

    /// <summary>Every other column, as text (empty cells kept as ""), e.g. a biopsy LIC; carried into the wide table.</summary>
    public required IReadOnlyDictionary<string, string> Covariates { get; init; }

    /// <summary>Zero-based position in the manifest (the order of every output).</summary>
    public required int Index { get; init; }

    /// <summary>The 1-based line of the manifest file.</summary>
    public required int Line { get; init; }
}
