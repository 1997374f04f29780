using IronNotebooks.Notebooks.Documents;
using IronNotebooks.Notebooks.Running;
using Xunit;

namespace IronNotebooks.RoiEditor.Tests;

/// <summary>A notebook starts the editor for an exam, prints its link, reads the saved ROI set back and stops it.</summary>
public class RoiEditorNotebookTests
{
    [Fact]
    public void Notebook_StartsEditorPrintsLinkAndReloadsSavedRois()
    {
        var root = EditorExams.TempFolder();
        var exam = EditorExams.Synthetic(root, "SYN-NB", 100, seed: 71);
        string folder = exam.Replace("\\", "\\\\", StringComparison.Ordinal);
        var notebook = new NotebookDocument(
        [
            NotebookCell.Code("#r \"nuget: IronNotebooks.RoiEditor\"\nusing IronNotebooks.RoiEditor;\nusing IronNotebooks.Roi;"),
            NotebookCell.Code($"var editor = RoiEditorServer.Start(\"{folder}\", RoiEditorOptions.Default with {{ Log = System.IO.TextWriter.Null }});\nConsole.WriteLine(editor.Url);"),
            // Stands for pressing Save in the page: the page posts the set, the store writes it.
            NotebookCell.Code("editor.Store.Save(RoiSet.Load(System.IO.Path.Combine(editor.Exam.Folder, \"rois.json\")) with { Description = \"checked in the editor\" }, editor.Store.Read().Sha256, false)"),
            NotebookCell.Code("var rois = editor.LoadSavedRois();\nConsole.WriteLine($\"{rois.Rois.Count} ROIs: {rois.Description}\");\nawait editor.StopAsync();"),
        ]);
        var run = NotebookRunner.Run(notebook, "editor.ipynb");
        Assert.True(run.Succeeded, string.Join("\n", run.Cells.Select(c => $"{c.Cell} {c.Status}: {c.Error?.EName} {c.Error?.EValue}")));
        var text = string.Join("\n", run.Executed.Cells.SelectMany(c => c.Outputs).OfType<StreamOutput>().Select(o => o.Text));
        Assert.Matches(@"http://127\.0\.0\.1:\d+/\?token=[A-Za-z0-9_-]{43}", text);
        Assert.Contains("checked in the editor", text);
    }
}
