using IronNotebooks.Exams;

namespace IronNotebooks.Cohorts;

/// <summary>
/// A cohort manifest: a CSV with columns `exam` and `folder`, optionally `rois`, and any other columns kept as covariates
/// (e.g. a biopsy LIC). Everything is checked before any exam runs: a missing column, an empty or duplicate exam id, a
/// folder or ROI file that does not exist, an unreadable file — each an <see cref="ExamException"/> naming the file, line
/// and value, so a bad manifest writes nothing.
/// </summary>
public sealed record CohortManifest
{
    /// <summary>The manifest file (absolute).</summary>
    public required string Path { get; init; }

    /// <summary>The covariate columns, in file order.</summary>
    public required IReadOnlyList<string> CovariateColumns { get; init; }

    /// <summary>The exams, in file order.</summary>
    public required IReadOnlyList<CohortManifestRow> Rows { get; init; }

    /// <summary>Reads and checks a manifest.</summary>
    /// <exception cref="ExamException">Unreadable file, malformed CSV, missing column, empty or duplicate id, missing folder or ROI file.</exception>
    public static CohortManifest Read(string path)
    {
        Guard.NotNull(path);
        string full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full)) throw new ExamException("manifest file does not exist.", full);
        CsvTable table;
        try
        {
            var bytes = File.ReadAllBytes(full);
            int nul = Array.IndexOf(bytes, (byte)0);
            if (nul >= 0) throw new ExamException($"not a CSV text file (a NUL byte at offset {nul}); a manifest is UTF-8 text with columns exam, folder.", full);
            string text;
            try { text = new System.Text.UTF8Encoding(false, true).GetString(bytes); }
            catch (System.Text.DecoderFallbackException e) { throw new ExamException($"not UTF-8 text (invalid byte at offset {e.Index}); save the manifest as UTF-8 CSV.", full, e); }
            table = CsvTable.Parse(text.TrimStart('\uFEFF'), full);
        }
        catch (CsvFormatException e) { throw new ExamException(e.Message, null, e); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            throw new ExamException($"cannot read the manifest ({e.Message}).", full, e);
        }
        foreach (var c in new[] { "exam", "folder" })
            if (!table.HasColumn(c))
                throw new ExamException($"column '{c}' is missing (found: {string.Join(", ", table.Headers)}); a manifest needs exam and folder, optionally rois, then any covariates.", full);
        if (table.RowCount == 0) throw new ExamException("the manifest has no exam rows.", full);
        string root = System.IO.Path.GetDirectoryName(full)!;
        var covariates = table.Headers.Where(h => h is not ("exam" or "folder" or "rois")).ToList();
        var rows = new List<CohortManifestRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < table.RowCount; i++)
        {
            int line = table.LineOf(i);
            string where = $"{full} line {line}";
            string id = table.Cell(i, "exam").Trim();
            if (id.Length == 0) throw new ExamException("empty exam id.", where);
            if (id.IndexOfAny(['/', '\\']) >= 0 || id.Any(char.IsControl)) throw new ExamException($"exam id '{id}' contains a path separator or control character.", where);
            if (seen.TryGetValue(id, out var first)) throw new ExamException($"duplicate exam id '{id}' (first on line {first}).", where);
            seen[id] = line;
            string folder = table.Cell(i, "folder").Trim();
            if (folder.Length == 0) throw new ExamException($"exam '{id}' has an empty folder.", where);
            string folderFull = System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(folder) ? folder : System.IO.Path.Combine(root, folder));
            if (!Directory.Exists(folderFull)) throw new ExamException($"exam '{id}': folder '{folder}' does not exist ({folderFull}).", where);
            string? rois = null;
            if (table.HasColumn("rois") && table.Cell(i, "rois").Trim() is { Length: > 0 } r)
            {
                rois = System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(r) ? r : System.IO.Path.Combine(root, r));
                if (!File.Exists(rois)) throw new ExamException($"exam '{id}': ROI file '{r}' does not exist ({rois}).", where);
            }
            rows.Add(new CohortManifestRow
            {
                Exam = id, Folder = folderFull, Rois = rois, Index = i, Line = line,
                Covariates = covariates.ToDictionary(c => c, c => table.Cell(i, c).Trim(), StringComparer.Ordinal),
            });
        }
        return new CohortManifest { Path = full, CovariateColumns = covariates, Rows = rows };
    }
}
