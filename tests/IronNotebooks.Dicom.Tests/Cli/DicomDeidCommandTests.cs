using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Dicom.Tests.Cli;

public class DicomDeidCommandTests
{
    [CorpusFact]
    public void Deid_FolderWithAFailingFile_PrintsCountsButNoPathNameOrValueAndExitsTwo()
    {
        var root = Directory.CreateTempSubdirectory("ironnb-deid-cli-").FullName;
        try
        {
            var input = Directory.CreateDirectory(Path.Combine(root, "DOE^JOHN")).FullName;
            var sources = Directory.EnumerateFiles(TestPaths.CorpusFile("ukat/b0map_ge_3d_dicom")).Order().Take(3).ToList();
            foreach (var s in sources) File.Copy(s, Path.Combine(input, "JOHN_DOE_" + Path.GetFileName(s)));
            var bytes = File.ReadAllBytes(sources[0]);
            File.WriteAllBytes(Path.Combine(input, "JOHN_DOE_truncated.dcm"), bytes[..(bytes.Length / 2)]);
            var key = Path.Combine(root, "key.bin");

            var (code, output, error) = CliHarness.Run("dicom", "deid", input, Path.Combine(root, "out"), "--key", key, "--map", Path.Combine(root, "map.csv"),
                "--option", "retain-modified-dates", "--option", "retain-device-identity");

            Assert.Equal(2, code);
            Assert.Contains("3 file(s) de-identified for 1 patient(s)", output);
            Assert.Contains("113109 Retain Device Identity Option", output);
            Assert.Contains("1 × DicomTruncatedException", output);
            foreach (var secret in new[] { "DOE", "JOHN", "Addenbrookes", DicomFile.Open(sources[0]).Dataset.GetString(DicomTags.StudyInstanceUID) })
            {
                Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, error, StringComparison.Ordinal);
            }
            Assert.True(File.Exists(key) && new FileInfo(key).Length == 32);
            Assert.Contains("JOHN_DOE_truncated.dcm", File.ReadAllText(Path.Combine(root, "map.csv")));   // the details go to the file the user keeps

            // The same key again: the same output files, no new key.
            var again = CliHarness.Run("dicom", "deid", input, Path.Combine(root, "out2"), "--key", key, "--map", Path.Combine(root, "map2.csv"),
                "--option", "retain-modified-dates", "--option", "retain-device-identity");
            Assert.DoesNotContain("created a new key", again.Out);
            Assert.Equal(Directory.EnumerateFiles(Path.Combine(root, "out"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(root, "out"), f)).Order(),
                Directory.EnumerateFiles(Path.Combine(root, "out2"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(root, "out2"), f)).Order());
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public void Deid_UnknownOption_ExitsTwoNamingIt()
    {
        var root = Directory.CreateTempSubdirectory("ironnb-deid-cli-").FullName;
        try
        {
            var input = Directory.CreateDirectory(Path.Combine(root, "in")).FullName;
            var (code, _, error) = CliHarness.Run("dicom", "deid", input, Path.Combine(root, "out"), "--key", Path.Combine(root, "k.bin"),
                "--map", Path.Combine(root, "m.csv"), "--option", "keep-everything");
            Assert.Equal(2, code);
            Assert.Contains("keep-everything", error);
        }
        finally { Directory.Delete(root, true); }
    }
}
