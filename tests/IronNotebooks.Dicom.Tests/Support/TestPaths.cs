namespace IronNotebooks.Dicom.Tests.Support;

/// <summary>Where the repository, the shared corpus and the test fixtures are.</summary>
public static class TestPaths
{
    /// <summary>The repository root (the folder holding IronNotebooks.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>../shared/corpus beside the repository, or null in a user's clone that lacks it.</summary>
    public static string? Corpus
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus"));
            return File.Exists(Path.Combine(path, "MANIFEST.csv")) ? path : null;
        }
    }

    /// <summary>A corpus file by its path relative to the corpus root (call only from corpus tests).</summary>
    public static string CorpusFile(string relative) =>
        Path.Combine(Corpus ?? throw new InvalidOperationException("The corpus is not available."), relative);

    /// <summary>A fixture file copied beside the test assembly.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IronNotebooks.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find IronNotebooks.sln above " + AppContext.BaseDirectory);
    }
}
