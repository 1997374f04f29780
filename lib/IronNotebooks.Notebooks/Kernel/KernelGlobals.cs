using IronNotebooks.Notebooks.Documents;

namespace IronNotebooks.Notebooks.Kernel;

/// <summary>
/// What a cell sees besides its own code: the <c>display</c> function of Polyglot Notebooks. Public only because
/// Roslyn scripting needs the globals type to be public; notebooks never name it.
/// </summary>
public sealed class KernelGlobals
{
    internal KernelGlobals()
    {
    }

    /// <summary>
    /// Shows a value now, formatted by the value's <c>TypeFormatterSourceAttribute</c> formatters (or as plain text),
    /// limited to <paramref name="mimeTypes"/> when given. Polyglot's <c>display</c> returns a handle for updating the
    /// output; notebooks that must run in both places call it as a statement.
    /// </summary>
#pragma warning disable IDE1006 // the name Polyglot Notebooks gives this function
    public void display(object? value, params string[] mimeTypes)
#pragma warning restore IDE1006
    {
        var cell = ConsoleCapture.Cell ?? throw new InvalidOperationException("display() was called outside a running cell.");
        cell.Add(new DisplayOutput(DisplayFormatter.Format(value, mimeTypes)));
    }
}
