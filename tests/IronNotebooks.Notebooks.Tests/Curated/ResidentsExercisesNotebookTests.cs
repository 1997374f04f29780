using System.Text.RegularExpressions;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;
using static IronNotebooks.Notebooks.Tests.Support.Notebooks;

namespace IronNotebooks.Notebooks.Tests.Curated;

/// <summary>
/// notebooks/09-residents-exercises.ipynb: run as committed, its worked solutions pass every exercise check; with a
/// wrong answer typed in, that exercise shows its hint (and only that one), and the notebook still runs clean.
/// </summary>
public partial class ResidentsExercisesNotebookTests
{
    private static readonly string Notebook = Path.Combine(TestPaths.RepositoryRoot, "notebooks", "09-residents-exercises.ipynb");

    [GeneratedRegex(@"data-status=\\""(correct|incorrect|notanswered)\\""")]
    private static partial Regex ExerciseStatus();

    private static List<string> RunAndReadStatuses(string notebookPath)
    {
        string executed = Path.Combine(TempFolder(), "executed.ipynb");
        var (code, output, error) = CliHarness.Run("run", notebookPath, "--out", executed);
        Assert.True(code == 0, output + error);
        // Each check displays text/html and text/plain; the HTML carries the status once per exercise.
        return [.. ExerciseStatus().Matches(File.ReadAllText(executed)).Select(m => m.Groups[1].Value)];
    }

    [Fact]
    public void WorkedSolutions_PassEveryExerciseCheck()
    {
        var statuses = RunAndReadStatuses(Notebook);

        Assert.True(statuses.Count >= 12, $"expected at least 12 exercise checks, found {statuses.Count}");
        Assert.All(statuses, s => Assert.Equal("correct", s));
    }

    [Fact]
    public void WrongAnswers_ShowTheirHintsAndOnlyThose()
    {
        string text = File.ReadAllText(Notebook);
        string wrong = text.Replace("double? myAuc = 0.962;", "double? myAuc = 0.5;")
                           .Replace("string myNextStep = \\\"add-lille\\\";", "string myNextStep = \\\"report-350\\\";");
        Assert.NotEqual(text, wrong);
        Assert.Equal(2, CountDifferences(text, wrong));
        string path = Path.Combine(TempFolder(), "09-wrong.ipynb");
        File.WriteAllText(path, wrong);

        var statuses = RunAndReadStatuses(path);

        Assert.Equal(2, statuses.Count(s => s == "incorrect"));
        Assert.Equal(statuses.Count - 2, statuses.Count(s => s == "correct"));
    }

    private static int CountDifferences(string a, string b) =>
        a.Split('\n').Zip(b.Split('\n')).Count(p => p.First != p.Second);
}
