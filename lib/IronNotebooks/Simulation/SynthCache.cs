namespace IronNotebooks.Simulation;

/// <summary>
/// Where generated studies go by default: never into the repository. $IRONNB_CACHE/synth when IRONNB_CACHE is set,
/// otherwise ~/.cache/ironnotebooks/synth (the XDG-style cache of the user).
/// </summary>
public static class SynthCache
{
    /// <summary>The environment variable naming the project's cache root.</summary>
    public const string EnvironmentVariable = "IRONNB_CACHE";

    /// <summary>The default output folder of `ironnb synth`.</summary>
    public static string DefaultFolder()
    {
        var root = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(root)) return Path.Combine(root, "synth");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".cache", "ironnotebooks", "synth");
    }
}
