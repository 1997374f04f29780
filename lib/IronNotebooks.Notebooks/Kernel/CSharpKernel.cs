using System.Collections.Immutable;
using System.Diagnostics;
using IronNotebooks.Notebooks.Documents;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace IronNotebooks.Notebooks.Kernel;

/// <summary>
/// A headless C# kernel on Roslyn scripting: each cell is a submission chained on the last one that compiled, so
/// variables, types and usings carry across cells as in Polyglot Notebooks. A trailing expression without a semicolon
/// becomes the cell's result when the compiler says the submission has one (<c>Compilation.HasSubmissionResult</c>,
/// not a syntactic guess: <c>Console.WriteLine(x)</c> has none). Console output is captured per cell; compile errors and
/// exceptions become error outputs and the kernel goes on with the next cell.
/// </summary>
public sealed class CSharpKernel
{
    /// <summary>The namespaces a Polyglot C# cell can use without a using directive.</summary>
    public static IReadOnlyList<string> DefaultImports { get; } =
        ["System", "System.Collections", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks"];

    // The shared framework's assemblies, as a Polyglot cell sees them (System.Linq, System.Text.Json, System.Net.Http, …).
    // ScriptOptions.Default alone references too little on .NET (no System.Linq). Built once per process.
    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(() =>
        (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is { } f && (f.StartsWith("System.", StringComparison.Ordinal) || f is "netstandard.dll" or "mscorlib.dll" or "Microsoft.CSharp.dll")
                && Path.GetDirectoryName(p) == Path.GetDirectoryName(typeof(object).Assembly.Location))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray());

    private readonly KernelOptions options;
    private readonly KernelGlobals globals = new();
    private readonly HashSet<string> referenced = new(StringComparer.OrdinalIgnoreCase);
    private ScriptOptions scriptOptions;
    private Script? lastScript;
    private ScriptState? lastState;
    private int executionCount;

    /// <summary>Creates a kernel; nothing is compiled until the first cell.</summary>
    public CSharpKernel(KernelOptions? options = null)
    {
        this.options = options ?? KernelOptions.Default;
        ConsoleCapture.Install();
        scriptOptions = ScriptOptions.Default
            .WithReferences(FrameworkReferences.Value)
            .WithImports(DefaultImports)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithLanguageVersion(LanguageVersion.Preview)
            .WithEmitDebugInformation(false)
            .WithAllowUnsafe(false);
    }

    /// <summary>False after a cell timed out: its thread may still run, so no further cell can share its state.</summary>
    public bool IsUsable { get; private set; } = true;

    /// <summary>Runs one cell.</summary>
    /// <exception cref="InvalidOperationException">The kernel is no longer usable after a timeout.</exception>
    public CellExecution Execute(string source)
    {
        if (!IsUsable) throw new InvalidOperationException("The kernel stopped after a cell timed out; start a new kernel.");
        int count = ++executionCount;
        var clock = Stopwatch.StartNew();
        var context = new CellContext(options.OutputLimits ?? OutputLimits.Default);
        var work = Task.Run(async () =>
        {
            ConsoleCapture.Cell = context;
            return await RunAsync(source, count, context).ConfigureAwait(false);
        });
        bool ok;
        if (options.CellTimeout is { } limit && !work.Wait(limit))
        {
            IsUsable = false;
            context.Add(new ErrorOutput("TimeoutException", $"The cell did not finish within {limit.TotalSeconds:0.###} s (the per-cell timeout); later cells were not run.", []));
            ok = false;
        }
        else ok = work.GetAwaiter().GetResult();
        // #!time, as Polyglot prints it after the cell's own output.
        if (CellDirectives.Split(source).Directives.Any(d => d.Kind == "magic" && d.Name == "time"))
            context.Stdout.WriteLine($"Wall time: {clock.Elapsed.TotalMilliseconds.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}ms");
        return new CellExecution(context.Finish(), ok, count, clock.Elapsed);
    }

    private async Task<bool> RunAsync(string source, int count, CellContext context)
    {
        var (code, directives) = CellDirectives.Split(source);
        if (!ApplyDirectives(directives, context)) return false;
        if (code.Trim().Length == 0) return true;

        var script = lastScript is null ? CSharpScript.Create(code, scriptOptions, typeof(KernelGlobals)) : lastScript.ContinueWith(code, scriptOptions);
        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            context.Add(new ErrorOutput("CompilationError", errors[0].GetMessage(), errors.Select(Describe).ToList()));
            return false;
        }
        bool hasResult = HasReturnValue(script.GetCompilation());
        ScriptState state;
        try
        {
            state = lastState is null
                ? await script.RunAsync(globals, catchException: _ => true).ConfigureAwait(false)
                : await script.RunFromAsync(lastState, catchException: _ => true).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Exceptions Roslyn does not hand to catchException (a failing formatter inside display, …).
            context.Add(ToError(e));
            return false;
        }
        lastScript = script;
        lastState = state;
        if (state.Exception is { } ex)
        {
            context.Add(ToError(ex));
            return false;
        }
        if (hasResult)
        {
            try
            {
                context.Add(new DisplayOutput(DisplayFormatter.Format(state.ReturnValue), count));
            }
            catch (InvalidOperationException e)
            {
                context.Add(ToError(e));
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// What Roslyn's internal <c>Compilation.HasSubmissionResult</c> decides, with public API: the submission ends in an
    /// expression statement whose semicolon is missing and whose type is not void.
    /// </summary>
    internal static bool HasReturnValue(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Last();
        if (tree.GetRoot() is not CompilationUnitSyntax unit || unit.Members.LastOrDefault() is not GlobalStatementSyntax last) return false;
        if (last.Statement is not ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement) return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    private bool ApplyDirectives(IReadOnlyList<CellDirective> directives, CellContext context)
    {
        foreach (var d in directives)
        {
            switch (d.Kind)
            {
                case "i":
                    break; // A package source for Polyglot; the runner resolves packages locally.
                case "magic" when NotebookDocument.IsCSharpKernelName(d.Name):
                    break; // "#!csharp" at the top of a cell only repeats the cell's kernel.
                case "magic" when d.Name == "time":
                    break; // reported after the cell has run
                case "magic":
                    return Refuse(context, d, $"#!{d.Name} is a magic command the headless runner does not support; remove it or move it to a cell the runner skips.");
                case "r-nuget":
                    if (!options.Packages.TryGetValue(d.Name, out var files))
                        return Refuse(context, d, $"#r \"nuget: {d.Name}\": the headless runner resolves only {Known()} (from the library built in this repository), not packages from a feed.");
                    AddReferences(files);
                    string? built = KernelOptions.VersionOf(files[0]);
                    if (d.Version is not null && built is not null && !KernelOptions.Satisfies(d.Version, built))
                        context.Stderr.WriteLine($"note: the notebook asks for {d.Name} {d.Version}; the runner uses the library built from this repository ({built}).");
                    break;
                case "r-path":
                    string path = Path.GetFullPath(d.Name, options.BaseDirectory ?? Directory.GetCurrentDirectory());
                    if (!File.Exists(path)) return Refuse(context, d, $"#r \"{d.Name}\": no file at {path}.");
                    // A path to an IronNotebooks assembly stands for the whole library, so the DICOM assembly comes along.
                    AddReferences(options.Packages.TryGetValue(Path.GetFileNameWithoutExtension(path), out var package) ? package : [path]);
                    break;
            }
        }
        return true;
    }

    private string Known() => options.Packages.Count == 0 ? "no packages (IronNotebooks.dll was not found beside the runner)" : string.Join(", ", options.Packages.Keys);

    private void AddReferences(IEnumerable<string> files)
    {
        var added = files.Where(referenced.Add).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
        if (added.Length > 0) scriptOptions = scriptOptions.AddReferences(added);
    }

    private static bool Refuse(CellContext context, CellDirective d, string message)
    {
        context.Add(new ErrorOutput("DirectiveError", message, [$"(line {d.Line}): {message}"]));
        return false;
    }

    private static string Describe(Diagnostic d)
    {
        var p = d.Location.GetLineSpan().StartLinePosition;
        return $"(line {p.Line + 1}, column {p.Character + 1}): error {d.Id}: {d.GetMessage()}";
    }

    private static ErrorOutput ToError(Exception e)
    {
        // Frames inside Roslyn's script runner say nothing about the notebook; keep the cell's own frames.
        var lines = e.ToString().Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => !l.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal) && !l.Contains("System.Runtime.CompilerServices", StringComparison.Ordinal)
                && !l.StartsWith("--- End of stack trace", StringComparison.Ordinal))
            .ToList();
        return new ErrorOutput(e.GetType().FullName ?? e.GetType().Name, e.Message, lines);
    }
}
