using IronNotebooks.Notebooks.Documents;
using IronNotebooks.Notebooks.Kernel;
using Xunit;

namespace IronNotebooks.Notebooks.Tests.Kernel;

public class CSharpKernelTests
{
    private static DisplayOutput Result(CellExecution e) => Assert.Single(e.Outputs.OfType<DisplayOutput>(), d => d.IsResult);

    [Fact]
    public void Execute_StateDeclaredInOneCell_IsVisibleInTheNext()
    {
        var kernel = new CSharpKernel();

        Assert.True(kernel.Execute("var echoes = new List<double> { 1.2, 2.4 };\nint Twice(int n) => 2 * n;").Succeeded);
        var second = kernel.Execute("echoes.Add(3.6);\nTwice(echoes.Count)");

        Assert.True(second.Succeeded);
        Assert.Equal("6", Result(second).Data["text/plain"]);
        Assert.Equal(2, second.ExecutionCount);
    }

    [Theory]
    [InlineData("41 + 1", true)]
    [InlineData("Math.Max(41, 42);", false)]
    [InlineData("Console.WriteLine(42)", false)] // void: a syntactic check would wrongly call this a value
    [InlineData("var x = 42;", false)]
    [InlineData("\"text\"", true)]
    [InlineData("if (true) { }", false)]
    public void Execute_TrailingExpression_IsAResultOnlyWhenItHasAValue(string code, bool expected)
    {
        var run = new CSharpKernel().Execute(code);

        Assert.True(run.Succeeded);
        Assert.Equal(expected, run.Outputs.OfType<DisplayOutput>().Any(d => d.IsResult));
    }

    [Fact]
    public void Execute_ConsoleAndDisplay_AreOutputsInTheOrderTheyHappened()
    {
        var run = new CSharpKernel().Execute("Console.WriteLine(\"before\");\ndisplay(\"shown\");\nConsole.Error.WriteLine(\"warn\");\nConsole.Write(\"after\");\n7");

        Assert.Collection(run.Outputs,
            o => Assert.Equal(new StreamOutput("stdout", "before\n"), o),
            o => Assert.Equal("shown", Assert.IsType<DisplayOutput>(o).Data["text/plain"]),
            o => Assert.Equal(new StreamOutput("stdout", "after"), o),
            o => Assert.Equal(new StreamOutput("stderr", "warn\n"), o),
            o => Assert.Equal("7", Assert.IsType<DisplayOutput>(o).Data["text/plain"]));
    }

    [Fact]
    public void Execute_CompileError_IsAnErrorOutputWithTheCellsOwnLineAndColumn()
    {
        var run = new CSharpKernel().Execute("var a = 1;\n\nvar b = missing + a;");

        Assert.False(run.Succeeded);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(run.Outputs));
        Assert.Equal("CompilationError", error.EName);
        Assert.Contains("'missing'", error.EValue);
        Assert.StartsWith("(line 3, column 9): error CS0103", error.Traceback[0]);
    }

    [Fact]
    public void Execute_Exception_IsAnErrorOutputAndTheKernelGoesOn()
    {
        var kernel = new CSharpKernel();
        kernel.Execute("var kept = 5;");

        var failed = kernel.Execute("Console.WriteLine(\"partial\");\nthrow new ArgumentOutOfRangeException(\"te\", \"echo time below 0\");");
        var next = kernel.Execute("kept * 2");

        Assert.False(failed.Succeeded);
        Assert.Equal(new StreamOutput("stdout", "partial\n"), failed.Outputs[0]);
        Assert.Equal("System.ArgumentOutOfRangeException", failed.Error!.EName);
        Assert.Contains("echo time below 0", failed.Error.EValue);
        Assert.Contains(failed.Error.Traceback, l => l.Contains("Submission#", StringComparison.Ordinal));
        Assert.Equal("10", Result(next).Data["text/plain"]);
    }

    [Fact]
    public void Execute_AfterACompileError_TheNextCellBuildsOnTheLastGoodOne()
    {
        var kernel = new CSharpKernel();
        kernel.Execute("var a = 2;");
        kernel.Execute("var a = ;");

        Assert.Equal("3", Result(kernel.Execute("a + 1")).Data["text/plain"]);
    }

    [Fact]
    public void Execute_DefaultImports_AreThoseOfAPolyglotCSharpCell()
    {
        var run = new CSharpKernel().Execute("new List<int> { 3, 1, 2 }.Order().Select(i => i * 10).ToArray()");

        Assert.Equal("[10, 20, 30]", Result(run).Data["text/plain"]);
    }

    [Fact]
    public void Execute_NugetReferenceToIronNotebooks_ResolvesToTheLibraryBuiltHere()
    {
        var run = new CSharpKernel().Execute("#i \"nuget: /somewhere/packages\"\n#r \"nuget: IronNotebooks, 0.1.0\"\nusing IronNotebooks.Reproduction;\nPublishedCheck.Compare(\"q\", 1.0, 1.05, 0.1, \"test\").Verdict");

        Assert.True(run.Succeeded, run.Error?.EValue);
        Assert.Equal("Match", Result(run).Data["text/plain"]);
    }

    [Fact]
    public void Execute_CuratedFirstCell_LoadsTheLibraryBuiltHereAndSaysWhichBuildWithoutANote()
    {
        var run = new CSharpKernel().Execute("#r \"nuget: IronNotebooks, 0.1.0-*\"\nIronNotebooks.Reproduction.LibraryBuild.Current.Summary");

        Assert.True(run.Succeeded, run.Error?.EValue);
        string summary = Result(run).Data["text/plain"];
        Assert.StartsWith("IronNotebooks 0.1.0", summary);
        Assert.Contains(typeof(IronNotebooks.Reproduction.LibraryBuild).Assembly.Location, summary);
        Assert.Empty(run.Outputs.OfType<StreamOutput>()); // a floating version the build meets is no mismatch
    }

    [Theory]
    [InlineData("0.1.0", "0.1.0", true)]
    [InlineData("0.1.0-*", "0.1.0", true)]
    [InlineData("0.1.0-*", "0.1.0-local.20261203051859", true)]
    [InlineData("0.1.*", "0.1.7", true)]
    [InlineData("0.1.0", "0.2.0", false)]
    [InlineData("0.1.0-*", "0.2.0", false)]
    public void Satisfies_RequestedVersion_MatchesAsNuGetFloatingVersionsDo(string requested, string built, bool expected) =>
        Assert.Equal(expected, KernelOptions.Satisfies(requested, built));

    [Fact]
    public void Execute_NugetReferenceToAnotherPackage_IsRefusedNamingIt()
    {
        var run = new CSharpKernel().Execute("#r \"nuget: Plotly.NET, 5.0.0\"\n1");

        Assert.False(run.Succeeded);
        Assert.Equal("DirectiveError", run.Error!.EName);
        Assert.Contains("Plotly.NET", run.Error.EValue);
    }

    [Fact]
    public void Execute_ReferenceByRelativePath_StartsFromTheNotebookFolder()
    {
        string dll = typeof(IronNotebooks.Reproduction.PublishedCheck).Assembly.Location;
        var options = KernelOptions.Default with { BaseDirectory = Path.GetDirectoryName(dll) };

        var run = new CSharpKernel(options).Execute("#r \"IronNotebooks.dll\"\nIronNotebooks.Reproduction.CheckVerdict.Differs");

        Assert.True(run.Succeeded, run.Error?.EValue);
        Assert.Equal("Differs", Result(run).Data["text/plain"]);
    }

    [Fact]
    public void Execute_ReferenceToAMissingFile_IsRefusedWithThePath()
    {
        var run = new CSharpKernel().Execute("#r \"no/such.dll\"");

        Assert.Equal("DirectiveError", run.Error!.EName);
        Assert.Contains("no file at", run.Error.EValue);
    }

    [Fact]
    public void Execute_TimeMagic_PrintsTheWallTimeAfterTheCellsOutput()
    {
        var run = new CSharpKernel().Execute("#!time\nConsole.WriteLine(\"fit\");");

        Assert.True(run.Succeeded);
        Assert.Matches(@"^fit\nWall time: [0-9.]+ms\n$", Assert.IsType<StreamOutput>(Assert.Single(run.Outputs)).Text);
    }

    [Fact]
    public void Execute_UnknownMagicCommand_IsRefused()
    {
        var run = new CSharpKernel().Execute("#!who\n1");

        Assert.Contains("#!who", run.Error!.EValue);
    }

    [Fact]
    public void Execute_CellLongerThanTheTimeout_FailsAndEndsTheKernel()
    {
        var kernel = new CSharpKernel(KernelOptions.Default with { CellTimeout = TimeSpan.FromMilliseconds(300) });
        // Ends by itself so the abandoned thread does not outlive the test run.
        var run = kernel.Execute("System.Threading.Thread.Sleep(3000);");

        Assert.False(run.Succeeded);
        Assert.Equal("TimeoutException", run.Error!.EName);
        Assert.False(kernel.IsUsable);
        Assert.Throws<InvalidOperationException>(() => kernel.Execute("1"));
    }

    [Fact]
    public async Task Execute_TwoKernelsAtOnce_EachCapturesOnlyItsOwnConsole()
    {
        var a = new CSharpKernel();
        var b = new CSharpKernel();
        string loop(string tag) => $"for (int i = 0; i < 200; i++) {{ Console.WriteLine(\"{tag}\"); System.Threading.Thread.Yield(); }}";

        var runs = await Task.WhenAll(Task.Run(() => a.Execute(loop("A"))), Task.Run(() => b.Execute(loop("B"))));

        Assert.Equal(string.Concat(Enumerable.Repeat("A\n", 200)), Assert.IsType<StreamOutput>(Assert.Single(runs[0].Outputs)).Text);
        Assert.Equal(string.Concat(Enumerable.Repeat("B\n", 200)), Assert.IsType<StreamOutput>(Assert.Single(runs[1].Outputs)).Text);
    }
}

/// <summary>Issue 13, defect 13: per-cell output caps, with the cut said where it is.</summary>
public class OutputLimitTests
{
    private static CSharpKernel Kernel(OutputLimits limits) => new(KernelOptions.Default with { OutputLimits = limits });

    [Fact]
    public void Execute_StdoutBeyondTheHead_KeepsHeadAndTailWithTheNumberOfLinesCut()
    {
        var run = Kernel(new OutputLimits(3, 2, 1_000, 100, 1_000)).Execute("for (int i = 0; i < 10; i++) Console.WriteLine(i);");

        Assert.Equal(new StreamOutput("stdout", "0\n1\n2\n" + "… 5 lines truncated (per-cell output limit; see the README, \"Notebooks\") …\n" + "8\n9\n"),
            Assert.Single(run.Outputs));
    }

    [Fact]
    public void Execute_StdoutAndStderr_AreCappedSeparately()
    {
        var run = Kernel(new OutputLimits(2, 1, 1_000, 100, 1_000)).Execute("for (int i = 0; i < 4; i++) { Console.WriteLine(i); Console.Error.WriteLine(-i); }");

        var streams = run.Outputs.OfType<StreamOutput>().GroupBy(s => s.Name).ToDictionary(g => g.Key, g => string.Concat(g.Select(s => s.Text)));
        Assert.Equal("0\n1\n… 1 lines truncated (per-cell output limit; see the README, \"Notebooks\") …\n3\n", streams["stdout"]);
        Assert.StartsWith("0\n-1\n… 1 lines truncated", streams["stderr"]);
    }

    [Fact]
    public void Execute_OverlongLine_IsCutWithTheNumberOfCharacters()
    {
        var run = Kernel(new OutputLimits(10, 2, 1_000, 5, 1_000)).Execute("Console.WriteLine(new string('x', 12));");

        Assert.Equal(new StreamOutput("stdout", "xxxxx … 7 characters truncated\n"), Assert.Single(run.Outputs));
    }

    [Fact]
    public void Execute_OversizedDisplay_IsReplacedByANoteNamingItsSize()
    {
        var run = Kernel(new OutputLimits(10, 2, 1_000, 100, 1_000)).Execute("display(new string('x', 5_000));\n1");

        var shown = run.Outputs.OfType<DisplayOutput>().ToList();
        Assert.StartsWith("… displayed value of 5,000 characters truncated", shown[0].Data["text/plain"]);
        Assert.Equal("1", shown[1].Data["text/plain"]); // a small result passes
    }

    [Fact]
    public void Default_IsTheDocumentedLimit()
    {
        Assert.Equal(new OutputLimits(1_000, 200, 200_000, 10_000, 8_000_000), OutputLimits.Default);
        Assert.Contains("the first 1,000 lines (at most 200,000 characters)", File.ReadAllText(Path.Combine(IronNotebooks.Dicom.Tests.Support.TestPaths.RepositoryRoot, "README.md")));
    }
}
