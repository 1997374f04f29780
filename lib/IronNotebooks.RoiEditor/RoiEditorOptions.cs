namespace IronNotebooks.RoiEditor;

/// <summary>How <see cref="RoiEditorServer.Start"/> runs. Change with <c>with</c>.</summary>
public sealed record RoiEditorOptions
{
    /// <summary>Defaults: EXAM/rois.json, a free port, messages to the console, stop after 8 idle hours.</summary>
    public static RoiEditorOptions Default { get; } = new();

    /// <summary>The ROI file to load and save; null = rois.json in the exam folder.</summary>
    public string? RoisPath { get; init; }

    /// <summary>TCP port on 127.0.0.1; 0 = a free port chosen by the system.</summary>
    public int Port { get; init; }

    /// <summary>Where the editor's messages go (saves, refused files); never patient data. Null = Console.Out.</summary>
    public TextWriter? Log { get; init; }

    /// <summary>The server stops by itself after this long without a request (a forgotten notebook cell must not leave it running).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromHours(8);
}
