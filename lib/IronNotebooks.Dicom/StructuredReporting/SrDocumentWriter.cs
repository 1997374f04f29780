using IronNotebooks.Dicom.IO;

namespace IronNotebooks.Dicom.StructuredReporting;

/// <summary>
/// Writes an Enhanced SR document (SOP class 1.2.840.10008.5.1.4.1.1.88.22, PS3.3 A.35.2): Patient and General Study
/// copied from the source, SR Document Series, General Equipment, SR Document General (complete, unverified, with the
/// evidence of every referenced instance) and SR Document Content from an <see cref="SrContentItem"/> tree.
/// </summary>
public static class SrDocumentWriter
{
    /// <summary>Enhanced SR Storage.</summary>
    public const string EnhancedSrSopClassUid = "1.2.840.10008.5.1.4.1.1.88.22";

    /// <summary>Comprehensive SR Storage (read as well).</summary>
    public const string ComprehensiveSrSopClassUid = "1.2.840.10008.5.1.4.1.1.88.33";

    /// <summary>Comprehensive 3D SR Storage (read as well).</summary>
    public const string Comprehensive3DSrSopClassUid = "1.2.840.10008.5.1.4.1.1.88.34";

    /// <summary>Builds the dataset.</summary>
    /// <exception cref="ArgumentException">The tree is not encodable (see <see cref="SrContentCodec.WriteRoot"/>) or evidence is missing.</exception>
    public static DicomDataset Create(SrDocumentContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        // The default repertoire when every text is ASCII (DCMTK's SR checker validates VRs only there), UTF-8 otherwise.
        var ds = DerivedObjectModules.NewInstance(EnhancedSrSopClassUid, utf8: !IsAscii(c));
        DerivedObjectModules.CopyPatientAndStudy(c.Source, ds);

        // SR Document Series and General Equipment.
        ds.SetString(DicomTags.Modality, DicomVR.CS, "SR");
        ds.SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, DicomUid.Generate());
        ds.SetIntegerString(DicomTags.SeriesNumber, c.SeriesNumber);
        if (c.SeriesDescription.Length > 0) ds.SetString(DicomTags.SeriesDescription, DicomVR.LO, c.SeriesDescription.Length <= 64 ? c.SeriesDescription : c.SeriesDescription[..64]);
        ds.SetSequence(new DicomTag(0x0008, 0x1111));                   // Referenced Performed Procedure Step Sequence (Type 2, empty)
        ds.SetString(DicomTags.Manufacturer, DicomVR.LO, "IronNotebooks");
        ds.SetString(DicomTags.ManufacturerModelName, DicomVR.LO, "ironnb");
        ds.SetString(new DicomTag(0x0018, 0x1020), DicomVR.LO, c.SoftwareVersion);

        // SR Document General.
        ds.SetIntegerString(DicomTags.InstanceNumber, 1);
        ds.SetString(new DicomTag(0x0040, 0xA491), DicomVR.CS, "COMPLETE");     // Completion Flag
        ds.SetString(new DicomTag(0x0040, 0xA493), DicomVR.CS, "UNVERIFIED");   // Verification Flag: no person signed it
        ds.SetSequence(new DicomTag(0x0040, 0xA372));                            // Performed Procedure Code Sequence (Type 2, empty)
        if (c.Evidence.Count > 0) ds.SetSequence(new DicomTag(0x0040, 0xA375), EvidenceItems(c.Evidence));   // Current Requested Procedure Evidence

        if (c.CodingSchemes.Count > 0)
            ds.SetSequence(new DicomTag(0x0008, 0x0110), [.. c.CodingSchemes.Select(s =>
            {
                var item = new DicomDataset();
                item.SetString(new DicomTag(0x0008, 0x0102), DicomVR.SH, s.Designator);
                item.SetString(new DicomTag(0x0008, 0x0115), DicomVR.ST, s.Name);                          // Coding Scheme Name
                item.SetString(new DicomTag(0x0008, 0x0116), DicomVR.ST, s.ResponsibleOrganization);       // Coding Scheme Responsible Organization
                return item;
            })]);

        SrContentCodec.WriteRoot(ds, c.Root);
        return ds;
    }

    /// <summary>Writes the document atomically (temporary file in the target folder, then renamed).</summary>
    public static void Write(string path, SrDocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ds = Create(content);
        AtomicFile.Write(path, stream => DicomWriter.Write(stream, ds));
    }

    private static bool IsAscii(SrDocumentContent c)
    {
        static bool Ascii(string? s) => s is null || s.All(ch => ch < 128);
        static bool Code(DicomCode? code) => code is null || (Ascii(code.Value) && Ascii(code.Scheme) && Ascii(code.Meaning));
        static bool Tree(SrContentItem i) => Ascii(i.Text) && Code(i.ConceptName) && Code(i.Code) && Code(i.Units) && i.Children.All(Tree);
        var header = new[] { DicomTags.PatientName, DicomTags.PatientID, new DicomTag(0x0008, 0x0090), new DicomTag(0x0020, 0x0010),
            new DicomTag(0x0008, 0x0050), new DicomTag(0x0008, 0x1030) };
        return Tree(c.Root) && Ascii(c.SeriesDescription) && Ascii(c.SoftwareVersion) && header.All(t => Ascii(c.Source.GetStringOrDefault(t)))
            && c.CodingSchemes.All(s => Ascii(s.Name) && Ascii(s.ResponsibleOrganization));
    }

    /// <summary>Hierarchical SOP Instance Reference Macro items: one per study, series grouped inside.</summary>
    private static DicomDataset[] EvidenceItems(IReadOnlyList<SrEvidence> evidence) =>
        [.. evidence.Distinct().GroupBy(e => e.StudyInstanceUid).Select(study =>
        {
            var s = new DicomDataset();
            s.SetString(DicomTags.StudyInstanceUID, DicomVR.UI, study.Key);
            s.SetSequence(new DicomTag(0x0008, 0x1115), [.. study.GroupBy(e => e.SeriesInstanceUid).Select(series =>
            {
                var item = new DicomDataset();
                item.SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, series.Key);
                item.SetSequence(new DicomTag(0x0008, 0x1199), [.. series.Select(e =>
                {
                    var sop = new DicomDataset();
                    sop.SetString(new DicomTag(0x0008, 0x1150), DicomVR.UI, e.SopClassUid);
                    sop.SetString(new DicomTag(0x0008, 0x1155), DicomVR.UI, e.SopInstanceUid);
                    return sop;
                })]);
                return item;
            })]);
            return s;
        })];
}
