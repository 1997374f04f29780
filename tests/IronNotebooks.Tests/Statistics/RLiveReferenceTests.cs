using System.Globalization;
using IronNotebooks.Cohorts;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Tests.Statistics;

/// <summary>
/// Reruns make_reference.R with the installed R and checks that it reproduces the committed fixtures: the datasets byte
/// for byte, the reference values to 1e-12 (LAPACK's eigenvectors may differ in the last bits between machines). Skips
/// where Rscript is absent; runs in CI (IRONNB_REQUIRE_ALL=1, R from environment/install-reference-tools.sh).
/// </summary>
public class RLiveReferenceTests
{
    [ToolFact("Rscript")]
    public void MakeReference_RerunWithTheInstalledR_ReproducesTheCommittedFixtures()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"ironnb-rref-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var script = Path.Combine(TestPaths.RepositoryRoot, "tests", "IronNotebooks.Tests", "Fixtures", "statistics", "make_reference.R");
            var (code, _, err) = ExternalTool.Run(ExternalTool.Require("Rscript"), [script, dir]);
            Assert.True(code == 0, err);
            foreach (var file in Directory.EnumerateFiles(dir, "*.csv").Select(Path.GetFileName))
            {
                if (file is "reference_values.csv" or "roc_coords.csv") continue;
                Assert.Equal(File.ReadAllText(RReference.Path(file!)), File.ReadAllText(Path.Combine(dir, file!)));
            }
            var fresh = CsvTable.Read(Path.Combine(dir, "reference_values.csv"));
            var committed = CsvTable.Read(RReference.Path("reference_values.csv"));
            Assert.Equal(committed.RowCount, fresh.RowCount);
            var a = committed.GetStrings("value");
            var b = fresh.GetStrings("value");
            var names = committed.GetStrings("statistic");
            for (int i = 0; i < a.Count; i++)
            {
                if (a[i] == b[i]) continue;
                double x = double.Parse(a[i], CultureInfo.InvariantCulture), y = double.Parse(b[i], CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(x - y) <= 1e-12 * Math.Max(1, Math.Abs(x)), $"{names[i]}: committed {a[i]}, rerun {b[i]}");
            }
            Assert.Equal(File.ReadAllText(RReference.Path("roc_coords.csv")), File.ReadAllText(Path.Combine(dir, "roc_coords.csv")));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
