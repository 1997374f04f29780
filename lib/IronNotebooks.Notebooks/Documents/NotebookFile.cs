namespace IronNotebooks.Notebooks.Documents;

/// <summary>Opens and saves notebooks by file extension: .ipynb (Polyglot Jupyter) or .dib.</summary>
public static class NotebookFile
{
    /// <summary>Reads a notebook.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="NotebookException">The extension is neither .ipynb nor .dib, or the content does not parse.</exception>
    public static NotebookDocument Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Notebook '{Path.GetFullPath(path)}' does not exist.", path);
        string text = IpynbFormat.NormaliseNewlines(File.ReadAllText(path));
        return FormatOf(path) switch
        {
            ".dib" => DibFormat.Read(text, path),
            _ => IpynbFormat.Read(text, path),
        };
    }

    /// <summary>Writes a notebook in the format its extension names (UTF-8, no byte-order mark, "\n" line ends).</summary>
    public static void Save(NotebookDocument notebook, string path)
    {
        string text = FormatOf(path) == ".dib" ? DibFormat.Write(notebook) : IpynbFormat.Write(notebook);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, text, IpynbFormat.Utf8);
    }

    private static string FormatOf(string path)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext is ".ipynb" or ".dib"
            ? ext
            : throw new NotebookException($"'{path}' is neither an .ipynb nor a .dib notebook.", path);
    }
}
