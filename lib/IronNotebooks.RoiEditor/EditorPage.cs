using System.Reflection;

namespace IronNotebooks.RoiEditor;

/// <summary>The page: one HTML document with its script and styles inlined (one request; nothing from the network).</summary>
internal static class EditorPage
{
    private static readonly Lazy<string> Page = new(() =>
        Resource("editor.html").Replace("/*STYLE*/", Resource("editor.css"), StringComparison.Ordinal)
            .Replace("/*SCRIPT*/", Resource("editor.js"), StringComparison.Ordinal));

    public static string Html => Page.Value;

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("wwwroot/" + name)
            ?? throw new InvalidOperationException($"Embedded resource wwwroot/{name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
