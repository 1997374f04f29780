using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IronNotebooks.Cli;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Tests.Relaxometry;
using Xunit;

namespace IronNotebooks.Tests.Cli;

/// <summary>
/// The JSON contract (<see cref="JsonContract"/>) over every command's `--json`: the key paths of each command are
/// pinned in Approved/json-contract.approved.txt (one line per command and key path, arrays as []); every key is
/// camelCase; no retired spelling (fieldT, field, calibrationField, …) appears; enum-valued keys hold camelCase member
/// names. `run` and `reproduce` (notebook runner) are covered by the notebook tests.
/// </summary>
public sealed class JsonContractTests : IClassFixture<SynthCohortFixture>, IDisposable
{
    private readonly SynthCohortFixture _cohort;
    private readonly string _dir = Directory.CreateTempSubdirectory("ironnb-contract-").FullName;

    public JsonContractTests(SynthCohortFixture cohort) => _cohort = cohort;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly Regex CamelCase = new("^[a-z][A-Za-z0-9]*$");

    private IEnumerable<(string Command, string[] Args)> Commands()
    {
        var exam = _cohort.CopyExam("SYN-0002", _dir);
        var mgre = Directory.GetDirectories(exam, "*_MGRE").Single();
        var phantom = Path.Combine(TestPaths.RepositoryRoot, "datasets", "sample", "synthetic_r2star_phantom.dcm");
        var csv = Path.Combine(_dir, "table.csv");
        var rows = new StringBuilder("score,score2,truth,a,b\n");
        for (int i = 0; i < 40; i++)
            rows.Append(CultureInfo.InvariantCulture, $"{i % 7 + i * 0.1},{(i * 3) % 11},{(i % 3 == 0 ? 1 : 0)},{i % 4},{(i + i / 10) % 4}\n");
        File.WriteAllText(csv, rows.ToString());
        yield return ("dicom info", ["dicom", "info", phantom, "--json"]);
        yield return ("dicom tree", ["dicom", "tree", mgre, "--json"]);
        yield return ("roi stats", ["roi", "stats", mgre, "--roi", "circle:15,29,2", "--json"]);
        yield return ("fit DIR", ["fit", mgre, "--roi", "circle:15,29,2", "--json"]);
        yield return ("fit --te", ["fit", "--te", "1,2,3,4", "--signal", "900,700,550,430", "--json"]);
        yield return ("map", ["map", mgre, "--model", "loglinear", "--out", Path.Combine(_dir, "map.csv"), "--json"]);
        yield return ("map --format parametric-map", ["map", mgre, "--model", "loglinear", "--format", "parametric-map", "--calibration", "wood2005", "--out", Path.Combine(_dir, "r2star-map.dcm"), "--json"]);
        yield return ("lic r2star", ["lic", "r2star", "--value", "200", "--field", "1.5", "--calibration", "wood2005", "--json"]);
        yield return ("lic r2", ["lic", "r2", "--value", "60", "--field", "1.5", "--calibration", "stpierre2005", "--json"]);
        yield return ("lic sir --ratio", ["lic", "sir", "--protocol", "alustiza2004", "--ratio", "IW=0.95", "--ratio", "T2=0.47", "--json"]);
        yield return ("lic sir EXAM", ["lic", "sir", exam, "--rois", Path.Combine(exam, "rois.json"), "--protocol", "rennes-1.5T", "--json"]);
        yield return ("lic sir-phantom", ["lic", "sir-phantom", "--protocol", "alustiza2004", "--scanner", "S1", "--date", "2026-01-01", "--measured", "IW=0.9", "--measured", "T2=0.5",
            "--out", Path.Combine(_dir, "scanner.json"), "--json"]);
        yield return ("stats roc", ["stats", "roc", csv, "--score", "score", "--truth", "truth", "--json"]);
        yield return ("stats roc-compare", ["stats", "roc-compare", csv, "--score", "score", "--score2", "score2", "--truth", "truth", "--json"]);
        yield return ("stats bland-altman", ["stats", "bland-altman", csv, "--a", "a", "--b", "b", "--json"]);
        yield return ("stats kappa", ["stats", "kappa", csv, "--a", "a", "--b", "b", "--json"]);
        yield return ("exam measure", ["exam", "measure", exam, "--json"]);
        yield return ("roi propose", ["roi", "propose", mgre, "--out", Path.Combine(_dir, "proposed-rois.json"), "--json"]);
        yield return ("roi export", ["roi", "export", exam, "--rois", Path.Combine(exam, "rois.json"), "--out", Path.Combine(_dir, "export"), "--json"]);
        yield return ("roi import", ["roi", "import", Path.Combine(_dir, "export", "rois-seg.dcm"), "--exam", exam, "--out", Path.Combine(_dir, "imported-rois.json"), "--json"]);
        yield return ("fit --model fatwater", ["fit", "--te", "1.2,2.2,3.2,4.2,5.2,6.2", "--signal", "900,620,780,560,640,470", "--model", "fatwater", "--field", "1.5", "--json"]);
        var cse = IronNotebooks.Simulation.SyntheticExamWriter.WritePatient(
            new IronNotebooks.Simulation.VirtualPatient("SYN-CSE", IronNotebooks.Calibration.LiverIronConcentration.FromUmolPerGram(80), LiverFatFraction: 0.15),
            [IronNotebooks.Simulation.SynthProtocol.ChemicalShift], Path.Combine(_dir, "SYN-CSE"), new IronNotebooks.Simulation.SimulationOptions(3, 1.5, new IronNotebooks.Simulation.AnatomyOptions(64), 50));
        yield return ("fit --model fatwater EXAM/SERIES (complex)", ["fit", cse.PathOf(cse.Series[0].Folder), "--roi", "circle:20,28,2", "--model", "fatwater", "--json"]);
        yield return ("map --model fatwater (complex)", ["map", cse.Folder, "--model", "fatwater", "--mask", "5", "--out", Path.Combine(_dir, "fatwater.csv"), "--json"]);
        yield return ("exam measure (chemical shift)", ["exam", "measure", cse.Folder, "--json"]);
        yield return ("synth --chemical-shift", ["synth", "--out", Path.Combine(_dir, "synth-cse"), "--lic", "100", "--protocol", "multi-echo-gre", "--chemical-shift", "--pdff-max", "30", "--matrix", "64", "--json"]);
        yield return ("synth", ["synth", "--out", Path.Combine(_dir, "synth"), "--lic", "100", "--protocol", "multi-echo-gre", "--matrix", "64", "--json"]);
    }

    [Fact]
    public void EveryCommandsJson_FollowsTheContractAndTheApprovedKeys()
    {
        var lines = new List<string>();
        var problems = new List<string>();
        foreach (var (command, args) in Commands())
        {
            var (code, output, error) = CliHarness.Run(args);
            Assert.True(code == 0, $"{command}: exit {code}: {error}");
            using var doc = JsonDocument.Parse(output);
            var paths = new SortedSet<string>(StringComparer.Ordinal);
            Walk(doc.RootElement, "$", paths, command, problems);
            lines.AddRange(paths.Select(p => $"{command}: {p}"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Approvals.VerifyText(string.Join("\n", lines) + "\n", "json-contract", ".txt");
    }

    private static void Walk(JsonElement e, string path, SortedSet<string> paths, string command, List<string> problems)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    // ROI names, sequence labels and calibration factors are data used as keys (dictionaries), not contract keys.
                    bool dictionary = path.EndsWith(".factors", StringComparison.Ordinal);
                    if (!dictionary && !CamelCase.IsMatch(p.Name)) problems.Add($"{command}: key '{p.Name}' at {path} is not camelCase");
                    if (JsonContract.RetiredNames.Contains(p.Name)) problems.Add($"{command}: retired key '{p.Name}' at {path}; use {string.Join(" / ", JsonContract.QuantityNames.Values)}");
                    // A published decision's outcome is the paper's own label ("<60", "> 300 µmol/g"), not an enum.
                    bool published = path.EndsWith(".decisions[]", StringComparison.Ordinal);
                    if (!published && JsonContract.EnumValuedKeys.Contains(p.Name) && p.Value.ValueKind == JsonValueKind.String && !CamelCase.IsMatch(p.Value.GetString()!))
                        problems.Add($"{command}: {path}.{p.Name} = '{p.Value.GetString()}' is not a camelCase enum spelling");
                    string child = dictionary ? $"{path}.*" : $"{path}.{p.Name}";
                    paths.Add(child);
                    Walk(p.Value, child, paths, command, problems);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray()) Walk(item, path + "[]", paths, command, problems);
                break;
        }
    }
}
