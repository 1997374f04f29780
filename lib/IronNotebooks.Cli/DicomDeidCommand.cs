using System.CommandLine;
using System.Security.Cryptography;
using IronNotebooks.Dicom.Deidentification;

namespace IronNotebooks.Cli;

/// <summary>`ironnb dicom deid IN OUT`: a thin wrapper over <see cref="DicomFolderDeidentifier"/>.</summary>
public static class DicomDeidCommand
{
    /// <summary>--option names → profile options.</summary>
    private static readonly Dictionary<string, ConfidentialityOptions> OptionNames = new(StringComparer.Ordinal)
    {
        ["retain-modified-dates"] = ConfidentialityOptions.RetainLongitudinalModifiedDates,
        ["retain-patient-characteristics"] = ConfidentialityOptions.RetainPatientCharacteristics,
        ["retain-device-identity"] = ConfidentialityOptions.RetainDeviceIdentity,
        ["clean-descriptors"] = ConfidentialityOptions.CleanDescriptors,
        ["retain-uids"] = ConfidentialityOptions.RetainUids,
    };

    /// <summary>Builds the verb.</summary>
    public static Command Build(TextWriter output)
    {
        var input = new Argument<string>("IN") { Description = "A DICOM file or folder (searched recursively)." };
        var outDir = new Argument<string>("OUT") { Description = "Output folder (not inside IN): OUT/<pseudonym>/<study>/<series>/<instance>.dcm." };
        var key = new Option<string>("--key") { Description = "Secret key file you keep (created with 32 random bytes if absent). The same key gives the same UIDs and pseudonyms across studies and cohorts.", Required = true };
        var map = new Option<string>("--map") { Description = "Mapping CSV you keep (original → replacement UIDs, pseudonyms, date shifts, files, failures); never inside IN or OUT.", Required = true };
        var options = new Option<string[]>("--option") { Description = $"Profile option, repeatable: {string.Join(", ", OptionNames.Keys)}." };
        var acceptBurnedIn = new Option<bool>("--accept-burned-in") { Description = "De-identify images marked Burned In Annotation = YES anyway (their pixels are not cleaned)." };
        var jobs = new Option<int?>("--jobs") { Description = "Files processed at once (default: all cores)." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var cmd = new Command("deid", "De-identify per DICOM PS3.15 Annex E (Basic Application Level Confidentiality Profile and options); the mapping goes to a separate file.")
            { input, outDir, key, map, options, acceptBurnedIn, jobs, json };
        cmd.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(outDir)!, parse.GetValue(key)!, parse.GetValue(map)!,
            parse.GetValue(options) ?? [], parse.GetValue(acceptBurnedIn), parse.GetValue(jobs), parse.GetValue(json), output));
        return cmd;
    }

    private static int Run(string input, string outDir, string keyFile, string mapFile, string[] optionNames, bool acceptBurnedIn, int? jobs, bool json, TextWriter output)
    {
        var options = ConfidentialityOptions.None;
        foreach (var name in optionNames)
            options |= OptionNames.TryGetValue(name, out var o) ? o : throw new BadInputException($"--option {name} is not a profile option; use one of {string.Join(", ", OptionNames.Keys)}.");
        if (jobs is < 1) throw new BadInputException("--jobs must be at least 1.");
        var settings = new DeidentificationSettings { Options = options, Secret = LoadOrCreateKey(keyFile, output), AcceptBurnedInAnnotation = acceptBurnedIn };
        DeidentificationReport report;
        try
        {
            report = DicomFolderDeidentifier.Run(input, outDir, mapFile, settings, jobs);
        }
        catch (ArgumentException e)
        {
            throw new BadInputException(e.Message);
        }
        if (json) output.WriteLine(CliJson.Serialize(report));
        else
        {
            // Counts only: paths and values can identify patients, so they go to the mapping file, not to the terminal.
            output.WriteLine($"{report.Written} file(s) de-identified for {report.Patients} patient(s); {report.NotDicom} non-DICOM file(s) skipped; {report.Failures.Count} failed");
            output.WriteLine($"method: {string.Join("; ", report.MethodCodes)}");
            foreach (var group in report.Failures.GroupBy(f => f.ErrorType))
                output.WriteLine($"failed: {group.Count()} × {group.Key} (input files #{string.Join(", #", group.Select(f => f.FileIndex).Take(10))}; paths and messages in the mapping file)");
        }
        return report.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.BadInput;
    }

    private static byte[] LoadOrCreateKey(string path, TextWriter output)
    {
        if (File.Exists(path))
        {
            var key = File.ReadAllBytes(path);
            if (key.Length < 16) throw new BadInputException($"--key {path} holds {key.Length} bytes; a key needs at least 16.");
            return key;
        }
        var created = RandomNumberGenerator.GetBytes(32);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using (var f = new FileStream(full, FileMode.CreateNew, FileAccess.Write))
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            f.Write(created);
        }
        output.WriteLine($"created a new key in {path}: keep it (and the mapping file) safe; the same key gives the same replacements next time");
        return created;
    }
}
