using System.Globalization;
using System.Text;
using IronNotebooks.Dicom.Deidentification;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.Tests.IO;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Dicom.Tests.Deidentification;

/// <summary>
/// PS3.15 Annex E over real files of three vendors: every row of Table E.1-1 is put into the file when the vendor did
/// not fill it, and each attribute's outcome is checked against the action the table and the options give.
/// </summary>
public class DeidentificationTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("issue-19 test key, 32 bytes long");
    private const string InjectedName = "TESTPATIENT^JANE";

    private static readonly string[] VendorFiles =
    [
        "dcm_qa_ts/In/1.dcm",                                   // Siemens classic MR (mosaic)
        "dcm_qa_philips_enh/In/cl/2001_0001.dcm.gz",            // Philips enhanced MR, private per-frame sequence
        "ukat/b0map_ge_3d_dicom/1.2.840.113619.6.408.211946631044570350491440053772229396394-9-1-puuqyn.dcm",   // GE classic MR
    ];

    [Fact]
    public void AnnexETable_HoldsTheWholeTableWithRowsAsTheStandardGivesThem()
    {
        Assert.True(AnnexETable.Rules.Count >= 450, $"{AnnexETable.Rules.Count} rows");
        Assert.Equal(AnnexETable.Rules.Count, AnnexETable.Rules.Select(r => r.TagPattern).Distinct().Count());
        // Spot checks read off PS3.15 Table E.1-1 by hand.
        Assert.Equal("Z", AnnexETable.Find(DicomTags.PatientName)!.BasicProfile);
        Assert.Equal("U", AnnexETable.Find(DicomTags.SOPInstanceUID)!.BasicProfile);
        Assert.Equal("K", AnnexETable.Find(DicomTags.SOPInstanceUID)!.OptionActions["UID"]);
        Assert.Equal("C", AnnexETable.Find(new DicomTag(0x0008, 0x0020))!.OptionActions["MOD"]);
        Assert.Equal("X/Z/D", AnnexETable.Find(new DicomTag(0x0018, 0x1000))!.BasicProfile);
        Assert.Equal("X", AnnexETable.Find(new DicomTag(0x6002, 0x3000))!.BasicProfile);   // overlay data, any 60xx group
        Assert.Equal("X", AnnexETable.Find(new DicomTag(0x0029, 0x1010))!.BasicProfile);   // any private attribute
        Assert.Null(AnnexETable.Find(DicomTags.Rows));                                       // not listed: kept
    }

    public static TheoryData<string, ConfidentialityOptions> VendorFilesAndOptions()
    {
        var data = new TheoryData<string, ConfidentialityOptions>();
        var all = ConfidentialityOptions.RetainLongitudinalModifiedDates | ConfidentialityOptions.RetainPatientCharacteristics |
            ConfidentialityOptions.RetainDeviceIdentity | ConfidentialityOptions.CleanDescriptors | ConfidentialityOptions.RetainUids;
        foreach (var f in VendorFiles)
        {
            data.Add(f, ConfidentialityOptions.None);
            data.Add(f, all);
            data.Add(f, ConfidentialityOptions.RetainLongitudinalModifiedDates | ConfidentialityOptions.CleanDescriptors);
        }
        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(VendorFilesAndOptions))]
    public void WholeAnnexETable_OverAVendorFile_EachAttributeGetsItsAction(string relative, ConfidentialityOptions options)
    {
        var source = DicomFile.Open(TestPaths.CorpusFile(relative)).Dataset;
        var injected = InjectEveryTableAttribute(source);
        Assert.True(injected > 400, $"only {injected} rows injected");
        var deidentifier = new DicomDeidentifier(new DeidentificationSettings { Options = options, Secret = Key });
        var output = deidentifier.Deidentify(source, relative);

        var patientKey = "id:" + source.GetString(DicomTags.PatientID).Trim();
        int shift = options.HasFlag(ConfidentialityOptions.RetainLongitudinalModifiedDates)
            ? int.Parse(deidentifier.Mapping.Find("date-shift-days", patientKey)!, CultureInfo.InvariantCulture) : 0;
        bool enhanced = source.GetString(DicomTags.SOPClassUID).StartsWith("1.2.840.10008.5.1.4.1.1.4.1", StringComparison.Ordinal);
        int checkedRows = 0;
        foreach (var rule in AnnexETable.Rules.Where(r => r.IsExactTag))
        {
            var tag = DicomTag.Parse(rule.TagPattern);
            if (tag.Group == 0x0002 || tag.Group == 0x0000 || tag.Group >= 0xFFFA || source.Find(tag) is not { } before) continue;
            var after = output.Find(tag);
            var action = ExpectedAction(rule, options, enhanced && tag is { Group: 0x0008, Element: 0x0023 or 0x0033 or 0x002A } || enhanced && tag == new DicomTag(0x0018, 0x1000));
            string what = $"{rule.TagPattern} {rule.Name} ({rule.BasicProfile}, options {options}): expected {action}";
            switch (action)
            {
                case "X":
                    Assert.True(after is null, what);
                    break;
                case "Z":
                    if (tag == DicomTags.PatientID || tag == DicomTags.PatientName) Assert.StartsWith("IRONNB-", Text(after!), StringComparison.Ordinal);
                    else if (before.Items is not null) Assert.True(after is null || after.Items!.Count == 0, what);
                    else Assert.True(after is not null && after.Length == 0, what);
                    break;
                case "D":
                    Assert.True(after is not null, what);
                    if (before.Items is null) Assert.True(after!.Length > 0 && !after.RawValue.Span.SequenceEqual(before.RawValue.Span), what);
                    break;
                case "K":
                    Assert.True(after is not null, what);
                    if (before.Items is null) Assert.True(after!.RawValue.Span.SequenceEqual(before.RawValue.Span), what);
                    break;
                case "U":
                    Assert.True(after is not null, what);
                    if (before.VR == DicomVR.UI)
                    {
                        var originals = Text(before).Split('\\');
                        Assert.Equal(string.Join('\\', originals.Select(deidentifier.MapUid)), Text(after!));
                        Assert.All(Text(after!).Split('\\'), u => Assert.StartsWith("2.25.", u, StringComparison.Ordinal));
                    }
                    break;
                case "C":
                    Assert.True(after is not null, what);
                    if (before.VR == DicomVR.DA && Text(before).Length == 8)
                        Assert.Equal(DateOnly.ParseExact(Text(before), "yyyyMMdd", CultureInfo.InvariantCulture).AddDays(shift).ToString("yyyyMMdd", CultureInfo.InvariantCulture), Text(after!));
                    else if (before.VR is DicomVR.LO or DicomVR.SH or DicomVR.LT or DicomVR.ST or DicomVR.UT)
                        Assert.DoesNotContain("TESTPATIENT", Text(after!), StringComparison.OrdinalIgnoreCase);
                    break;
            }
            checkedRows++;
        }
        Assert.True(checkedRows > 400, $"{checkedRows} rows checked");

        // Private attributes: only the keep-list survives, with its creators; pattern rows (curves, overlays) removed.
        foreach (var e in output.Where(e => e.Tag.IsPrivate && !e.Tag.IsPrivateCreator))
            Assert.Contains(PrivateKeepList.Default, r => r.Matches(e.Tag, output.PrivateCreatorOf(e.Tag)));
        Assert.DoesNotContain(output, e => e.Tag.Group == 0x5000 || (e.Tag.Group == 0x6000 && e.Tag.Element == 0x3000));
        Assert.False(output.Contains(new DicomTag(0x0009, 0x1001)));

        Assert.Equal("YES", output.GetString(new DicomTag(0x0012, 0x0062)));
        var codes = output.GetSequence(new DicomTag(0x0012, 0x0064)).Select(i => i.GetString(new DicomTag(0x0008, 0x0100))).ToList();
        Assert.Contains("113100", codes);
        Assert.Equal(options.HasFlag(ConfidentialityOptions.RetainUids), codes.Contains("113110"));
        Assert.Equal(options.HasFlag(ConfidentialityOptions.CleanDescriptors), codes.Contains("113105"));
        Assert.Equal(options.HasFlag(ConfidentialityOptions.RetainLongitudinalModifiedDates), codes.Contains("113107"));
        Assert.All(output.GetSequence(new DicomTag(0x0012, 0x0064)), i => Assert.Equal("DCM", i.GetString(new DicomTag(0x0008, 0x0102))));
    }

    /// <summary>The action the table gives, resolved as PS3.15 E.1.1 and E.3 describe (written out here, not taken from the library).</summary>
    private static string ExpectedAction(AnnexERule rule, ConfidentialityOptions options, bool type1)
    {
        var columns = new List<string>();
        if (options.HasFlag(ConfidentialityOptions.RetainLongitudinalModifiedDates)) columns.Add("MOD");
        if (options.HasFlag(ConfidentialityOptions.RetainPatientCharacteristics)) columns.Add("PAT");
        if (options.HasFlag(ConfidentialityOptions.RetainDeviceIdentity)) columns.Add("DEV");
        if (options.HasFlag(ConfidentialityOptions.CleanDescriptors)) columns.Add("DESC");
        if (options.HasFlag(ConfidentialityOptions.RetainUids)) columns.Add("UID");
        var byOptions = columns.Select(c => rule.OptionActions.GetValueOrDefault(c)).Where(a => a is not null).ToList();
        if (byOptions.Contains("K")) return "K";
        if (byOptions.Contains("C")) return "C";
        if (byOptions.Count > 0) return byOptions[0]!;
        return rule.BasicProfile switch
        {
            "X/Z" => "Z",
            "X/D" => type1 ? "D" : "X",
            "Z/D" or "X/Z/D" => type1 ? "D" : "Z",
            "X/Z/U*" => "U",
            var code => code,
        };
    }

    /// <summary>Adds every exact-tag row of the table the file lacks, with a value of the attribute's kind; returns how many rows the file then holds.</summary>
    private static int InjectEveryTableAttribute(DicomDataset ds)
    {
        ds.SetString(DicomTags.PatientName, DicomVR.PN, InjectedName);
        int n = 0;
        foreach (var rule in AnnexETable.Rules.Where(r => r.IsExactTag))
        {
            var tag = DicomTag.Parse(rule.TagPattern);
            if (tag.Group is 0x0000 or 0x0002 || tag.Group >= 0xFFFA) continue;
            n++;
            if (ds.Contains(tag)) continue;
            var vr = DicomDictionary.Lookup(tag)?.VR ?? InferVR(rule.Name);
            switch (vr)
            {
                case DicomVR.SQ:
                    var item = new DicomDataset();
                    item.SetString(new DicomTag(0x0008, 0x1155), DicomVR.UI, $"1.2.826.0.1.3680043.10.1199.{tag.Group}.{tag.Element}");
                    item.SetString(new DicomTag(0x0008, 0x0100), DicomVR.SH, "X1");
                    ds.SetSequence(tag, item);
                    break;
                case DicomVR.UI: ds.SetString(tag, vr, $"1.2.826.0.1.3680043.10.1199.{tag.Group}.{tag.Element}"); break;
                case DicomVR.DA: ds.SetString(tag, vr, "20200214"); break;
                case DicomVR.TM: ds.SetString(tag, vr, "101112"); break;
                case DicomVR.DT: ds.SetString(tag, vr, "20200214101112"); break;
                case DicomVR.PN: ds.SetString(tag, vr, "DOE^JOHN"); break;
                case DicomVR.AS: ds.SetString(tag, vr, "042Y"); break;
                case DicomVR.CS: ds.SetString(tag, vr, "VALUE"); break;
                case DicomVR.AE: ds.SetString(tag, vr, "STATION1"); break;
                case DicomVR.IS or DicomVR.DS: ds.SetString(tag, vr, "12"); break;
                case DicomVR.US or DicomVR.SS: ds.SetNumbers(tag, vr, 7); break;
                case DicomVR.UL or DicomVR.SL or DicomVR.FL: ds.SetNumbers(tag, vr, 7); break;
                case DicomVR.FD: ds.SetNumbers(tag, vr, 7); break;
                case DicomVR.LO or DicomVR.SH or DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UC:
                    ds.SetString(tag, vr, "seen by TESTPATIENT at 12345678"); break;
                default: ds.Set(new DicomElement(tag, vr, new byte[] { 1, 2, 3, 4 })); break;
            }
        }
        // A private block of an unknown creator, a curve and an overlay: all must go.
        ds.SetString(new DicomTag(0x0009, 0x0010), DicomVR.LO, "ACME HOSPITAL PRIVATE");
        ds.SetString(new DicomTag(0x0009, 0x1001), DicomVR.LO, "JANE TESTPATIENT");
        ds.Set(new DicomElement(new DicomTag(0x5000, 0x3000), DicomVR.OW, new byte[8]));
        ds.Set(new DicomElement(new DicomTag(0x6000, 0x3000), DicomVR.OW, new byte[8]));
        return n;
    }

    private static DicomVR InferVR(string name) =>
        name.EndsWith("Sequence", StringComparison.Ordinal) || name.Contains("Sequence (", StringComparison.Ordinal) ? DicomVR.SQ
        : name.EndsWith("UID", StringComparison.Ordinal) || name.Contains("UID ", StringComparison.Ordinal) ? DicomVR.UI
        : name.EndsWith("DateTime", StringComparison.Ordinal) ? DicomVR.DT
        : name.EndsWith("Date", StringComparison.Ordinal) ? DicomVR.DA
        : name.EndsWith("Time", StringComparison.Ordinal) ? DicomVR.TM
        : name.EndsWith("Name", StringComparison.Ordinal) ? DicomVR.PN
        : DicomVR.LO;

    private static string Text(DicomElement e) => string.Join('\\', e.GetStrings(Encoding.UTF8));

    [CorpusTheory]
    [InlineData("pydicom-debian-testfiles/MR_small_jp2klossless.dcm")]
    [InlineData("pydicom-data/emri_small_RLE.dcm")]
    [InlineData("dcm_qa_philips_enh/In/cl/2001_0001.dcm.gz")]
    [InlineData("pydicom-debian-testfiles/MR_small_bigendian.dcm")]
    public void Deidentify_WrittenAndReadBack_PixelDataAreUnchanged(string relative)
    {
        var source = DicomFile.Open(TestPaths.CorpusFile(relative));
        var output = new DicomDeidentifier(new DeidentificationSettings { Secret = Key }).Deidentify(source.Dataset, relative);
        var stream = new MemoryStream();
        DicomWriter.Write(stream, output, null, source.TransferSyntax);
        var back = DicomFile.Open(stream.ToArray(), "deidentified.dcm");

        if (source.TransferSyntax.IsEncapsulated)
        {
            Assert.Equal(source.TransferSyntax.Uid, back.TransferSyntax.Uid);
            var a = source.Dataset.Find(DicomTags.PixelData)!.Fragments!.Fragments;
            var b = back.Dataset.Find(DicomTags.PixelData)!.Fragments!.Fragments;
            Assert.Equal(a.Count, b.Count);
            for (int i = 0; i < a.Count; i++) Assert.True(a[i].Data.Span.SequenceEqual(b[i].Data.Span), $"fragment {i}");
        }
        var p = source.GetPixelData();
        var q = back.GetPixelData();
        for (int f = 0; f < p.NumberOfFrames; f++)
        {
            Assert.Equal(p.GetStoredValues(f), q.GetStoredValues(f));
            Assert.Equal(p.GetRealWorldValues(f), q.GetRealWorldValues(f));   // Philips scale slope/intercept kept
        }
    }

    [CorpusFact]
    public void SameKey_GivesTheSameUidsAndPseudonymAcrossRunsAndFilesOfAStudy_AnotherKeyDoesNot()
    {
        var a = DicomFile.Open(TestPaths.CorpusFile("dcm_qa_ts/In/1.dcm")).Dataset;
        var b = DicomFile.Open(TestPaths.CorpusFile("dcm_qa_ts/In/2.dcm")).Dataset;
        var run1 = new DicomDeidentifier(new DeidentificationSettings { Secret = Key });
        var run2 = new DicomDeidentifier(new DeidentificationSettings { Secret = Key });
        var other = new DicomDeidentifier(new DeidentificationSettings { Secret = [.. Key.Reverse()] });
        var (x, y, z) = (run1.Deidentify(a), run2.Deidentify(b), other.Deidentify(a));
        foreach (var tag in new[] { DicomTags.StudyInstanceUID, DicomTags.FrameOfReferenceUID, DicomTags.PatientID })
        {
            Assert.Equal(a.GetString(tag), b.GetString(tag));       // the two files share study, frame of reference, patient
            Assert.Equal(x.GetString(tag), y.GetString(tag));
            Assert.NotEqual(x.GetString(tag), z.GetString(tag));
            Assert.NotEqual(a.GetString(tag), x.GetString(tag));
        }
        Assert.Equal(x.GetString(DicomTags.SOPInstanceUID), run2.MapUid(a.GetString(DicomTags.SOPInstanceUID)));
    }

    [Fact]
    public void BurnedInAnnotationYes_IsRefusedUnlessAccepted()
    {
        var ds = MrImageWriter.CreateClassicDataset(SamplePhantomTests.Create(), 0);
        ds.SetString(new DicomTag(0x0028, 0x0301), DicomVR.CS, "YES");
        var e = Assert.Throws<DicomBurnedInAnnotationException>(() => new DicomDeidentifier(new DeidentificationSettings { Secret = Key }).Deidentify(ds, "x.dcm"));
        Assert.Contains("x.dcm", e.Message);
        var output = new DicomDeidentifier(new DeidentificationSettings { Secret = Key, AcceptBurnedInAnnotation = true }).Deidentify(ds);
        Assert.Equal("YES", output.GetString(new DicomTag(0x0028, 0x0301)));
    }

    [Fact]
    public void FolderRun_MappingFileInsideTheOutputOrOutputInsideTheInput_IsRefused()
    {
        var root = Directory.CreateTempSubdirectory("ironnb-deid-").FullName;
        try
        {
            var input = Directory.CreateDirectory(Path.Combine(root, "in")).FullName;
            var settings = new DeidentificationSettings { Secret = Key };
            Assert.Throws<ArgumentException>(() => DicomFolderDeidentifier.Run(input, Path.Combine(input, "out"), Path.Combine(root, "map.csv"), settings));
            Assert.Throws<ArgumentException>(() => DicomFolderDeidentifier.Run(input, Path.Combine(root, "out"), Path.Combine(root, "out", "map.csv"), settings));
            Assert.Throws<ArgumentException>(() => DicomFolderDeidentifier.Run(input, Path.Combine(root, "out"), Path.Combine(input, "map.csv"), settings));
        }
        finally { Directory.Delete(root, true); }
    }

    [CorpusFact]
    public void FolderRun_OutputsHoldNoOriginalIdentifierAndTheMappingFileHoldsTheReplacements()
    {
        var root = Directory.CreateTempSubdirectory("ironnb-deid-").FullName;
        try
        {
            var input = Directory.CreateDirectory(Path.Combine(root, "DOE^JOHN 005")).FullName;   // a folder named after the patient
            var sources = Directory.EnumerateFiles(TestPaths.CorpusFile("ukat/b0map_ge_3d_dicom")).Order().Take(6).ToList();
            foreach (var s in sources) File.Copy(s, Path.Combine(input, Path.GetFileName(s)));
            File.WriteAllText(Path.Combine(input, "notes.txt"), "not DICOM");
            var original = DicomFile.Open(sources[0]).Dataset;
            var report = DicomFolderDeidentifier.Run(input, Path.Combine(root, "out"), Path.Combine(root, "map.csv"),
                new DeidentificationSettings { Secret = Key }, maxParallelism: 2);

            Assert.Equal((7, 6, 1, 0, 1), (report.Files, report.Written, report.NotDicom, report.Failures.Count, report.Patients));
            var identifiers = new[]
            {
                original.GetString(DicomTags.StudyInstanceUID), original.GetString(DicomTags.SeriesInstanceUID),
                original.GetString(DicomTags.SOPInstanceUID), original.GetString(new DicomTag(0x0008, 0x0080)), original.GetString(new DicomTag(0x0008, 0x1010)),
            };
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "out"), "*", SearchOption.AllDirectories))
            {
                Assert.DoesNotContain("DOE", file, StringComparison.Ordinal);
                var text = Encoding.Latin1.GetString(File.ReadAllBytes(file));
                foreach (var id in identifiers) Assert.DoesNotContain(id, text, StringComparison.Ordinal);
                Assert.False(Path.GetFileName(file).StartsWith('.'), "a temporary file was left behind");
            }
            var map = File.ReadAllText(Path.Combine(root, "map.csv"));
            Assert.Contains(original.GetString(DicomTags.SOPInstanceUID), map, StringComparison.Ordinal);
            Assert.Contains("patient,id:005,IRONNB-", map, StringComparison.Ordinal);
        }
        finally { Directory.Delete(root, true); }
    }
}
