using System.Text;

namespace IronNotebooks.Notebooks.Kernel;

/// <summary>
/// Routes Console.Out and Console.Error to the cell that is running on the current logical call context. Console is
/// process-wide, so a plain Console.SetOut per cell would mix the output of kernels running side by side (tests, or a
/// cell's own tasks); an AsyncLocal sink follows the cell into the tasks it starts and leaves every other thread alone.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly AsyncLocal<CellContext?> Current = new();
    private static readonly object InstallLock = new();
    private static bool installed;

    /// <summary>Makes Console.Out/Error route to the current cell (once per process).</summary>
    public static void Install()
    {
        lock (InstallLock)
        {
            if (installed) return;
            Console.SetOut(new RoutingWriter(Console.Out, c => c.Stdout));
            Console.SetError(new RoutingWriter(Console.Error, c => c.Stderr));
            installed = true;
        }
    }

    /// <summary>The cell running on this logical call context, or null.</summary>
    public static CellContext? Cell
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    private sealed class RoutingWriter(TextWriter fallback, Func<CellContext, TextWriter> select) : TextWriter
    {
        public override Encoding Encoding => fallback.Encoding;

        private TextWriter Target => Current.Value is { } cell ? select(cell) : fallback;

        public override void Write(char value) { var t = Target; lock (t) t.Write(value); }

        public override void Write(string? value) { var t = Target; lock (t) t.Write(value); }

        public override void Write(char[] buffer, int index, int count) { var t = Target; lock (t) t.Write(buffer, index, count); }

        public override void WriteLine(string? value) { var t = Target; lock (t) t.WriteLine(value); }

        public override void Flush() => Target.Flush();
    }
}
