using System.CommandLine;
using System.Diagnostics;
using IronNotebooks.RoiEditor;

namespace IronNotebooks.Cli;

/// <summary>`ironnb roi edit EXAM [--rois FILE] [--port P] [--open]`: the ROI editor on 127.0.0.1 until Ctrl+C.</summary>
public static class RoiEditCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Build(TextWriter output)
    {
        var exam = new Argument<DirectoryInfo>("EXAM") { Description = "The exam folder: DICOM files (any depth) or NIfTI files with BIDS sidecars." };
        var rois = new Option<FileInfo?>("--rois") { Description = "The ROI set to load and save (default EXAM/rois.json)." };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (default: a free one).", DefaultValueFactory = _ => 0 };
        var open = new Option<bool>("--open") { Description = "Open the page in the default browser." };
        var edit = new Command("edit", "Place and measure ROIs in a browser: a local page on 127.0.0.1 with an access token; Ctrl+C stops it.") { exam, rois, port, open };
        edit.SetAction(async (parse, cancel) => await Run(parse.GetValue(exam)!, parse.GetValue(rois), parse.GetValue(port), parse.GetValue(open), output, cancel));
        return edit;
    }

    private static async Task<int> Run(DirectoryInfo exam, FileInfo? rois, int port, bool open, TextWriter output, CancellationToken cancel)
    {
        if (!exam.Exists) throw new DirectoryNotFoundException($"Exam folder '{exam.FullName}' does not exist.");
        if (port is < 0 or > 65535) throw new BadInputException($"--port {port} is outside 0…65535.");
        await using var server = RoiEditorServer.Start(exam.FullName, RoiEditorOptions.Default with { RoisPath = rois?.FullName, Port = port, Log = output });
        output.WriteLine($"ROI editor: {server.Exam.Acquisitions.Count} acquisition(s); ROI file {Path.GetFileName(server.Store.Path)}");
        output.WriteLine($"Open in a browser on this machine: {server.Url}");
        output.WriteLine("Ctrl+C stops the editor.");
        if (open)
        {
            try { Process.Start(new ProcessStartInfo(server.Url) { UseShellExecute = true }); }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException) { output.WriteLine($"warning: no browser could be opened ({e.Message}); open the URL yourself."); }
        }
        try { await Task.WhenAny(server.Completion, Task.Delay(Timeout.Infinite, cancel)); }
        catch (OperationCanceledException) { }
        output.WriteLine("ROI editor stopped.");
        return ExitCodes.Success;
    }
}
