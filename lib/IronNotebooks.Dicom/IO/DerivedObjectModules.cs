using System.Globalization;

namespace IronNotebooks.Dicom.IO;

/// <summary>A source image a derived frame was made from: SOP Class/Instance UIDs and, in a multi-frame file, the 1-based frame.</summary>
/// <param name="SopClassUid">Referenced SOP Class UID (0008,1150).</param>
/// <param name="SopInstanceUid">Referenced SOP Instance UID (0008,1155).</param>
/// <param name="FrameNumber">Referenced Frame Number (0008,1160), 1-based, for a frame of a multi-frame object; null for a single-frame image.</param>
public sealed record DicomSourceImage(string SopClassUid, string SopInstanceUid, int? FrameNumber = null);

/// <summary>
/// The modules every derived multi-frame object this library writes shares (Parametric Map, Segmentation): patient and
/// study copied from the source, equipment, the multi-frame dimension organisation, per-frame derivation references and
/// the Common Instance Reference. One place, so the two writers cannot drift apart.
/// </summary>
internal static class DerivedObjectModules
{
    /// <summary>SOP Common, Patient and General Study (copied from <paramref name="source"/>), dates, Frame of Reference and equipment.</summary>
    public static DicomDataset Start(string sopClassUid, DicomDataset source, string modality, int seriesNumber, string seriesDescription, string softwareVersion)
    {
        var ds = NewInstance(sopClassUid, utf8: true);
        CopyPatientAndStudy(source, ds);   // so that the object files with its study

        // General Series, Frame of Reference, General and Enhanced General Equipment.
        ds.SetString(DicomTags.Modality, DicomVR.CS, modality);
        ds.SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, DicomUid.Generate());
        ds.SetIntegerString(DicomTags.SeriesNumber, seriesNumber);
        if (seriesDescription.Length > 0) ds.SetString(DicomTags.SeriesDescription, DicomVR.LO, seriesDescription);
        ds.SetString(DicomTags.FrameOfReferenceUID, DicomVR.UI, source.GetString(DicomTags.FrameOfReferenceUID));
        ds.SetString(new DicomTag(0x0020, 0x1040), DicomVR.LO, "");   // Position Reference Indicator (Type 2)
        ds.SetString(DicomTags.Manufacturer, DicomVR.LO, "IronNotebooks");
        ds.SetString(new DicomTag(0x0008, 0x1090), DicomVR.LO, "IronNotebooks");   // Manufacturer's Model Name
        ds.SetString(new DicomTag(0x0018, 0x1000), DicomVR.LO, "1");               // Device Serial Number
        ds.SetString(new DicomTag(0x0018, 0x1020), DicomVR.LO, softwareVersion);   // Software Versions
        ds.SetIntegerString(DicomTags.InstanceNumber, 1);
        return ds;
    }

    /// <summary>A new instance: Specific Character Set ISO_IR 192 when <paramref name="utf8"/> (else the default
    /// repertoire), SOP Class and a new SOP Instance UID, instance creation and content date/time (now, UTC).</summary>
    public static DicomDataset NewInstance(string sopClassUid, bool utf8)
    {
        var now = DateTime.UtcNow;
        string date = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture), time = now.ToString("HHmmss", CultureInfo.InvariantCulture);
        var ds = new DicomDataset();
        if (utf8) ds.SetString(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        ds.SetString(DicomTags.SOPClassUID, DicomVR.UI, sopClassUid);
        ds.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, DicomUid.Generate());
        ds.SetString(new DicomTag(0x0008, 0x0012), DicomVR.DA, date);   // Instance Creation Date
        ds.SetString(new DicomTag(0x0008, 0x0013), DicomVR.TM, time);   // Instance Creation Time
        ds.SetString(new DicomTag(0x0008, 0x0023), DicomVR.DA, date);   // Content Date
        ds.SetString(new DicomTag(0x0008, 0x0033), DicomVR.TM, time);   // Content Time
        return ds;
    }

    /// <summary>
    /// Patient and General Study attributes copied from <paramref name="source"/> (name, ID, birth date, sex; study date,
    /// time, referring physician, ID, accession number, UID, description); Type 2 ones it lacks are written empty.
    /// Shared with the SR writer.
    /// </summary>
    public static void CopyPatientAndStudy(DicomDataset source, DicomDataset ds)
    {
        foreach (var (tag, vr) in new (DicomTag, DicomVR)[]
        {
            (DicomTags.PatientName, DicomVR.PN), (DicomTags.PatientID, DicomVR.LO), (new DicomTag(0x0010, 0x0030), DicomVR.DA),
            (new DicomTag(0x0010, 0x0040), DicomVR.CS), (DicomTags.StudyDate, DicomVR.DA), (DicomTags.StudyTime, DicomVR.TM),
            (new DicomTag(0x0008, 0x0090), DicomVR.PN), (new DicomTag(0x0020, 0x0010), DicomVR.SH), (new DicomTag(0x0008, 0x0050), DicomVR.SH),
        })
            ds.SetString(tag, vr, source.GetStringOrDefault(tag) ?? "");
        ds.SetString(DicomTags.StudyInstanceUID, DicomVR.UI, source.GetString(DicomTags.StudyInstanceUID));
        if (source.GetStringOrDefault(new DicomTag(0x0008, 0x1030)) is { Length: > 0 } studyDescription)
            ds.SetString(new DicomTag(0x0008, 0x1030), DicomVR.LO, studyDescription);
    }

    /// <summary>Dimension Organization and Index Sequences: one index per (pointer, functional group, description).</summary>
    public static void SetDimensions(DicomDataset ds, params (DicomTag Pointer, DicomTag Group, string Description)[] indices)
    {
        var uid = DicomUid.Generate();
        var organization = new DicomDataset();
        organization.SetString(new DicomTag(0x0020, 0x9164), DicomVR.UI, uid);
        ds.SetSequence(new DicomTag(0x0020, 0x9221), organization);                                   // Dimension Organization Sequence
        ds.SetSequence(new DicomTag(0x0020, 0x9222), [.. indices.Select(i =>                          // Dimension Index Sequence
        {
            var index = new DicomDataset();
            index.SetString(new DicomTag(0x0020, 0x9164), DicomVR.UI, uid);
            index.Set(new DicomElement(new DicomTag(0x0020, 0x9165), DicomVR.AT, AttributeTag(i.Pointer)));   // Dimension Index Pointer
            index.Set(new DicomElement(new DicomTag(0x0020, 0x9167), DicomVR.AT, AttributeTag(i.Group)));     // Functional Group Pointer
            index.SetString(new DicomTag(0x0020, 0x9421), DicomVR.LO, i.Description);                         // Dimension Description Label
            return index;
        })]);
    }

    /// <summary>A Shared Functional Groups item holding Pixel Measures and Plane Orientation (one grid for every frame).</summary>
    public static DicomDataset SharedGeometry(DerivedImageGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var shared = new DicomDataset();
        var measures = new DicomDataset();
        measures.SetDecimalString(DicomTags.PixelSpacing, [.. geometry.PixelSpacingMm]);
        measures.SetDecimalString(DicomTags.SliceThickness, geometry.SliceThicknessMm);
        shared.SetSequence(DicomTags.PixelMeasuresSequence, measures);
        var plane = new DicomDataset();
        plane.SetDecimalString(DicomTags.ImageOrientationPatient, [.. geometry.ImageOrientationPatient]);
        shared.SetSequence(DicomTags.PlaneOrientationSequence, plane);
        return shared;
    }

    /// <summary>Derivation Image Sequence item: the derivation code and the source images with purpose "source image for image processing".</summary>
    public static DicomDataset DerivationImage(DicomCode derivation, IReadOnlyList<DicomSourceImage> sources)
    {
        var item = new DicomDataset();
        item.SetSequence(new DicomTag(0x0008, 0x9215), derivation.ToItem());                         // Derivation Code Sequence
        item.SetSequence(new DicomTag(0x0008, 0x2112), [.. sources.Select(s =>                        // Source Image Sequence
        {
            var src = Reference(s);
            src.SetSequence(new DicomTag(0x0040, 0xA170), new DicomCode("121322", "DCM", "Source image for image processing operation").ToItem());   // Purpose of Reference
            return src;
        })]);
        return item;
    }

    /// <summary>Common Instance Reference: the source series and every referenced instance (each once).</summary>
    public static DicomDataset SourceSeriesReference(string seriesInstanceUid, IEnumerable<DicomSourceImage> sources)
    {
        var series = new DicomDataset();
        series.SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, seriesInstanceUid);
        series.SetSequence(new DicomTag(0x0008, 0x114A), [.. sources.Select(s => s with { FrameNumber = null }).Distinct().Select(Reference)]);   // Referenced Instance Sequence
        return series;
    }

    private static DicomDataset Reference(DicomSourceImage s)
    {
        var item = new DicomDataset();
        item.SetString(new DicomTag(0x0008, 0x1150), DicomVR.UI, s.SopClassUid);
        item.SetString(new DicomTag(0x0008, 0x1155), DicomVR.UI, s.SopInstanceUid);
        if (s.FrameNumber is { } frame) item.SetIntegerString(new DicomTag(0x0008, 0x1160), frame);   // Referenced Frame Number
        return item;
    }

    /// <summary>An AT value: group then element, little endian.</summary>
    public static byte[] AttributeTag(DicomTag tag) =>
        [(byte)tag.Group, (byte)(tag.Group >> 8), (byte)tag.Element, (byte)(tag.Element >> 8)];
}
