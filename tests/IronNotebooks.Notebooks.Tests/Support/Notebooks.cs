using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Notebooks.Documents;

namespace IronNotebooks.Notebooks.Tests.Support;

/// <summary>Fixture paths and small notebook builders shared by the tests.</summary>
public static class Notebooks
{
    /// <summary>A notebook fixture by file name.</summary>
    public static string Fixture(string name) => TestPaths.Fixture(Path.Combine("notebooks", name));

    /// <summary>A C# notebook of code cells.</summary>
    public static NotebookDocument Of(params string[] cells) => new(cells.Select(c => NotebookCell.Code(c)).ToList());

    /// <summary>A fresh empty folder under the system temp folder.</summary>
    public static string TempFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ironnb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
