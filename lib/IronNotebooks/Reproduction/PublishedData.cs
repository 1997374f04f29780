using IronNotebooks.Cohorts;
using IronNotebooks.Display;

namespace IronNotebooks.Reproduction;

/// <summary>
/// The repository's published figures (<c>datasets/published/*.csv</c>, one citation and status per row) for notebooks,
/// so that a notebook reads a published number from its source instead of retyping it, and needs no code of its own to
/// find the repository. The folder is found from <see cref="RepositoryEnvironmentVariable"/>, else by walking up from
/// the current directory, else from the folder of the running program (the runner's assemblies sit inside the
/// repository's build output).
/// </summary>
public static class PublishedData
{
    /// <summary>Environment variable naming the repository root, when a notebook runs from outside it.</summary>
    public const string RepositoryEnvironmentVariable = "IRONNB_REPOSITORY";

    /// <summary>The repository root (the folder holding <c>datasets/published</c> and <c>IronNotebooks.sln</c>).</summary>
    /// <exception cref="DirectoryNotFoundException">Not found; the message says where it looked and how to point at it.</exception>
    public static string RepositoryRoot => FindRepositoryRoot(throwWhenMissing: true)!;

    /// <summary>
    /// The repository root, or null when the notebook runs outside a clone (for optional sections that use files beside
    /// the clone, such as the shared corpus). A set but wrong <see cref="RepositoryEnvironmentVariable"/> still throws.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException"><see cref="RepositoryEnvironmentVariable"/> names a folder without datasets/published.</exception>
    public static string? TryFindRepositoryRoot() => FindRepositoryRoot(throwWhenMissing: false);

    /// <summary>The full path of <c>datasets/published</c>.</summary>
    public static string Folder => Path.Combine(RepositoryRoot, "datasets", "published");

    /// <summary>Every row of <paramref name="fileName"/> (e.g. "correlations.csv").</summary>
    /// <exception cref="FileNotFoundException">No such table; the message lists the tables there are.</exception>
    public static IReadOnlyList<PublishedRow> Rows(string fileName)
    {
        var table = Table(fileName);
        return [.. Enumerable.Range(0, table.RowCount).Select(r => new PublishedRow
        {
            File = fileName,
            Line = table.LineOf(r),
            Cells = table.Headers.ToDictionary(h => h, h => table.Cell(r, h), StringComparer.Ordinal),
        })];
    }

    /// <summary>The rows of <paramref name="fileName"/> whose <paramref name="column"/> equals <paramref name="value"/>.</summary>
    public static IReadOnlyList<PublishedRow> Rows(string fileName, string column, string value) =>
        [.. Rows(fileName).Where(r => r[column] == value)];

    /// <summary>The single row where <paramref name="column"/> equals <paramref name="value"/>.</summary>
    /// <exception cref="InvalidOperationException">None or several; the message names the file and the key.</exception>
    public static PublishedRow Row(string fileName, string column, string value)
    {
        var rows = Rows(fileName, column, value);
        return rows.Count == 1 ? rows[0]
            : throw new InvalidOperationException($"datasets/published/{fileName}: {rows.Count} rows have {column} = '{value}' (expected exactly one).");
    }

    /// <summary>The table as read by <see cref="CsvTable"/>.</summary>
    /// <exception cref="FileNotFoundException">No such table; the message lists the tables there are.</exception>
    public static CsvTable Table(string fileName)
    {
        string path = Path.Combine(Folder, fileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"datasets/published has no '{fileName}'; tables: "
                + string.Join(", ", Directory.EnumerateFiles(Folder, "*.csv").Select(Path.GetFileName).Order()) + ".", path);
        return CsvTable.Read(path);
    }

    /// <summary>
    /// Rows shown as a table with the chosen <paramref name="columns"/> followed by their status and citation, titled
    /// with the file name so a reader can open it.
    /// </summary>
    public static ResultTable Show(IEnumerable<PublishedRow> rows, params string[] columns)
    {
        var list = rows.ToList();
        string file = list.Count > 0 ? list[0].File : "(no rows)";
        TableColumn<PublishedRow>[] cols =
        [
            .. columns.Select(c => new TableColumn<PublishedRow>(c, r => r[c])),
            new("status", r => r.Status),
            new("citation", r => r.Citation),
        ];
        return ResultTable.From($"Published: datasets/published/{file}", list, cols);
    }

    private static string? FindRepositoryRoot(bool throwWhenMissing)
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(RepositoryEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return IsRepository(fromEnvironment) ? Path.GetFullPath(fromEnvironment)
                : throw new DirectoryNotFoundException($"{RepositoryEnvironmentVariable}={fromEnvironment} has no datasets/published folder.");
        }
        string[] starts = [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        foreach (string start in starts)
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (IsRepository(d.FullName)) return d.FullName;
        if (!throwWhenMissing) return null;
        throw new DirectoryNotFoundException(
            $"The IronNotebooks repository (datasets/published) was not found above {starts[0]} or {starts[1]}: open the notebook "
            + $"from inside your clone, or set {RepositoryEnvironmentVariable} to the clone's folder.");
    }

    private static bool IsRepository(string folder) =>
        Directory.Exists(Path.Combine(folder, "datasets", "published")) && File.Exists(Path.Combine(folder, "IronNotebooks.sln"));
}
