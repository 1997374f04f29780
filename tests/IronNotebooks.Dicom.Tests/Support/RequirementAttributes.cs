using Xunit;

namespace IronNotebooks.Dicom.Tests.Support;

/// <summary>
/// Decides whether a test whose inputs live outside the repository can run. On a user's machine a missing corpus or
/// tool skips the test with the reason; in CI (IRONNB_REQUIRE_ALL=1, set by .ci/run) nothing is skipped, so a missing
/// requirement fails the test instead of hiding it.
/// </summary>
public static class Requirements
{
    /// <summary>True when every requirement must be present (CI).</summary>
    public static bool RequireAll => Environment.GetEnvironmentVariable("IRONNB_REQUIRE_ALL") == "1";

    /// <summary>The skip reason for the corpus, or null when it is present or required.</summary>
    public static string? CorpusSkipReason() => RequireAll || TestPaths.Corpus is not null
        ? null
        : "../shared/corpus is not beside this clone; run environment/fetch-corpus.sh to fetch the public files it holds";

    /// <summary>The skip reason for external tools, or null when all are on PATH (or required).</summary>
    public static string? ToolSkipReason(string[] tools)
    {
        if (RequireAll) return null;
        // "corpus" stands for ../shared/corpus, so a test can need the corpus and tools at once.
        var missing = tools.Where(t => t == "corpus" ? TestPaths.Corpus is null : ExternalTool.Find(t) is null).ToArray();
        return missing.Length == 0 ? null : $"needs {string.Join(", ", missing)} (Debian: environment/install-reference-tools.sh)";
    }
}

/// <summary>A fact that reads ../shared/corpus.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    /// <summary>Skips with a reason where the corpus is absent (never in CI).</summary>
    public CorpusFactAttribute() => Skip = Requirements.CorpusSkipReason();
}

/// <summary>A theory that reads ../shared/corpus.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    /// <summary>Skips with a reason where the corpus is absent (never in CI).</summary>
    public CorpusTheoryAttribute() => Skip = Requirements.CorpusSkipReason();
}

/// <summary>A theory that runs outside tools (and, with the name "corpus", reads ../shared/corpus).</summary>
public sealed class ToolTheoryAttribute : TheoryAttribute
{
    /// <summary>Skips with a reason where a tool is absent (never in CI).</summary>
    public ToolTheoryAttribute(params string[] tools) => Skip = Requirements.ToolSkipReason(tools);
}

/// <summary>A fact that runs outside tools (dcmdump, Debian's python3 with pydicom, …).</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    /// <summary>Skips with a reason where a tool is absent (never in CI).</summary>
    public ToolFactAttribute(params string[] tools) => Skip = Requirements.ToolSkipReason(tools);
}
