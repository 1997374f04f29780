namespace IronNotebooks.Dicom.IO;

/// <summary>A coded concept: value, coding scheme designator and meaning (PS3.3 §8.8).</summary>
public sealed record DicomCode(string Value, string Scheme, string Meaning)
{
    /// <summary>The Code Sequence Macro item for this code.</summary>
    public DicomDataset ToItem()
    {
        var item = new DicomDataset();
        item.SetString(new DicomTag(0x0008, 0x0100), DicomVR.SH, Value);
        item.SetString(new DicomTag(0x0008, 0x0102), DicomVR.SH, Scheme);
        item.SetString(new DicomTag(0x0008, 0x0104), DicomVR.LO, Meaning);
        return item;
    }
}

/// <summary>What the stored floats mean: the Real World Value Mapping of a Parametric Map (PS3.3 §C.7.6.16.2.11).</summary>
public sealed record ParametricMapQuantity
{
    /// <summary>LUT Label (0040,9210), at most 16 characters, e.g. "R2*".</summary>
    public required string Label { get; init; }

    /// <summary>LUT Explanation (0028,3003): how the values were made (model, calibration), at most 64 characters.</summary>
    public required string Explanation { get; init; }

    /// <summary>Measurement Units Code (UCUM), e.g. ("1/s", "UCUM", "per second") or ("mg/g", "UCUM", "milligram per gram").</summary>
    public required DicomCode Units { get; init; }

    /// <summary>The quantity (Quantity Definition Sequence, concept name (G-C1C6, SRT) "Quantity"), when a code exists.</summary>
    public DicomCode? Quantity { get; init; }
}

/// <summary>One frame of a Parametric Map: one plane of float values, row by row, and where it lies.</summary>
public sealed record ParametricMapFrame
{
    /// <summary>Rows × Columns values, row by row; NaN where nothing was measured.</summary>
    public required float[] Values { get; init; }

    /// <summary>Image Position (Patient) of the first pixel's centre, mm.</summary>
    public required IReadOnlyList<double> ImagePositionPatientMm { get; init; }

    /// <summary>SOP Class/Instance UIDs of the source images this frame was derived from.</summary>
    public IReadOnlyList<DicomSourceImage> SourceImages { get; init; } = [];
}

/// <summary>Everything a Parametric Map object needs, with the source it was derived from.</summary>
public sealed record ParametricMapContent
{
    /// <summary>The grid of every frame (that of the source images).</summary>
    public required DerivedImageGeometry Geometry { get; init; }

    /// <summary>The frames, in slice order.</summary>
    public required IReadOnlyList<ParametricMapFrame> Frames { get; init; }

    /// <summary>What the values are.</summary>
    public required ParametricMapQuantity Quantity { get; init; }

    /// <summary>A dataset of the source series: patient, study and frame of reference are copied from it.</summary>
    public required DicomDataset Source { get; init; }

    /// <summary>Series Instance UID of the source images.</summary>
    public required string SourceSeriesInstanceUid { get; init; }

    /// <summary>Series Description of the map series.</summary>
    public string SeriesDescription { get; init; } = "";

    /// <summary>Series Number of the map series.</summary>
    public int SeriesNumber { get; init; } = 900;

    /// <summary>Content Label (0070,0080): a code string (A–Z, 0–9, _ and space, at most 16).</summary>
    public string ContentLabel { get; init; } = "MAP";

    /// <summary>Content Description (0070,0081), at most 64 characters.</summary>
    public string ContentDescription { get; init; } = "";

    /// <summary>Anatomy the frames show (Frame Anatomy), SNOMED CT; the liver by default.</summary>
    public DicomCode Anatomy { get; init; } = new("10200004", "SCT", "Liver");

    /// <summary>Software Versions of the writer (Enhanced General Equipment).</summary>
    public string SoftwareVersion { get; init; } = DicomUid.ImplementationVersionName;
}

/// <summary>
/// Writes a DICOM Parametric Map (SOP class 1.2.840.10008.5.1.4.1.1.30, PS3.3 A.75): float32 frames in Float Pixel
/// Data, a Real World Value Mapping with UCUM units, the patient, study and frame of reference of the source, and a
/// Common Instance Reference plus per-frame Derivation Image references to the source images.
/// </summary>
public static class ParametricMapWriter
{
    /// <summary>Parametric Map Storage.</summary>
    public const string SopClassUid = "1.2.840.10008.5.1.4.1.1.30";

    /// <summary>Builds the dataset.</summary>
    /// <exception cref="ArgumentException">Frames are missing, of the wrong size, or the geometry is incomplete.</exception>
    public static DicomDataset Create(ParametricMapContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Frames.Count == 0) throw new ArgumentException("A Parametric Map needs at least one frame.", nameof(c));
        c.Geometry.Validate(nameof(c));
        int pixels = c.Geometry.PixelsPerFrame;
        for (int i = 0; i < c.Frames.Count; i++)
        {
            if (c.Frames[i].Values.Length != pixels)
                throw new ArgumentException($"Frame {i} holds {c.Frames[i].Values.Length} values; {c.Geometry.Rows}×{c.Geometry.Columns} are needed.", nameof(c));
            if (c.Frames[i].ImagePositionPatientMm.Count != 3) throw new ArgumentException($"Frame {i} needs a 3-value Image Position (Patient).", nameof(c));
        }
        if (c.Quantity.Label.Length > 16) throw new ArgumentException($"LUT Label '{c.Quantity.Label}' is longer than 16 characters.", nameof(c));

        var ds = DerivedObjectModules.Start(SopClassUid, c.Source, c.Source.GetStringOrDefault(DicomTags.Modality) is { Length: > 0 } m ? m : "MR",
            c.SeriesNumber, c.SeriesDescription, c.SoftwareVersion);
        // Image Type: DERIVED\PRIMARY, image flavor VOLUME, derived pixel contrast = the content label (e.g. R2STAR).
        ds.SetString(DicomTags.ImageType, DicomVR.CS, "DERIVED", "PRIMARY", "VOLUME", c.ContentLabel);

        // Parametric Map Image: 32-bit float pixels, no compression, no burned-in text.
        ds.SetString(new DicomTag(0x0018, 0x9004), DicomVR.CS, "RESEARCH");        // Content Qualification
        ds.SetString(new DicomTag(0x0070, 0x0080), DicomVR.CS, c.ContentLabel);
        ds.SetString(new DicomTag(0x0070, 0x0081), DicomVR.LO, c.ContentDescription);
        ds.SetString(new DicomTag(0x0070, 0x0084), DicomVR.PN, "");                // Content Creator's Name (Type 2)
        ds.SetNumbers(DicomTags.SamplesPerPixel, DicomVR.US, 1);
        ds.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        ds.SetNumbers(DicomTags.Rows, DicomVR.US, c.Geometry.Rows);
        ds.SetNumbers(DicomTags.Columns, DicomVR.US, c.Geometry.Columns);
        ds.SetNumbers(DicomTags.BitsAllocated, DicomVR.US, 32);
        ds.SetString(new DicomTag(0x2050, 0x0020), DicomVR.CS, "IDENTITY");        // Presentation LUT Shape
        ds.SetString(new DicomTag(0x0028, 0x2110), DicomVR.CS, "00");              // Lossy Image Compression
        ds.SetString(new DicomTag(0x0028, 0x0301), DicomVR.CS, "NO");              // Burned In Annotation
        ds.SetString(new DicomTag(0x0028, 0x0302), DicomVR.CS, "NO");              // Recognizable Visual Features
        ds.SetIntegerString(DicomTags.NumberOfFrames, c.Frames.Count);

        // Multi-frame Dimension: frames are indexed by their position along the slice normal.
        DerivedObjectModules.SetDimensions(ds, (DicomTags.ImagePositionPatient, DicomTags.PlanePositionSequence, "Image Position (Patient)"));

        ds.SetSequence(new DicomTag(0x0040, 0x0555));   // Acquisition Context Sequence (Type 2, empty)
        ds.SetSequence(DicomTags.SharedFunctionalGroupsSequence, SharedGroups(c));
        ds.SetSequence(DicomTags.PerFrameFunctionalGroupsSequence, [.. c.Frames.Select((f, i) => PerFrameGroups(f, i))]);
        ds.SetSequence(new DicomTag(0x0008, 0x1115), DerivedObjectModules.SourceSeriesReference(c.SourceSeriesInstanceUid,
            c.Frames.SelectMany(f => f.SourceImages)));   // Referenced Series Sequence (Common Instance Reference)

        var bytes = new byte[4L * pixels * c.Frames.Count];
        for (int f = 0; f < c.Frames.Count; f++)
            Buffer.BlockCopy(c.Frames[f].Values, 0, bytes, 4 * f * pixels, 4 * pixels);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Float Pixel Data is written little endian only.");
        ds.Set(new DicomElement(DicomTags.FloatPixelData, DicomVR.OF, bytes));
        return ds;
    }

    /// <summary>Writes the map atomically: a temporary file in the target folder, then renamed.</summary>
    public static void Write(string path, ParametricMapContent content)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ds = Create(content);
        AtomicFile.Write(path, stream => DicomWriter.Write(stream, ds));
    }

    private static DicomDataset SharedGroups(ParametricMapContent c)
    {
        var shared = DerivedObjectModules.SharedGeometry(c.Geometry);
        var anatomy = new DicomDataset();
        anatomy.SetSequence(new DicomTag(0x0008, 0x2218), c.Anatomy.ToItem());       // Anatomic Region Sequence
        anatomy.SetString(new DicomTag(0x0020, 0x9072), DicomVR.CS, "U");           // Frame Laterality: unpaired
        shared.SetSequence(new DicomTag(0x0020, 0x9071), anatomy);                   // Frame Anatomy Sequence
        var identity = new DicomDataset();                                           // Identity Pixel Value Transformation
        identity.SetDecimalString(DicomTags.RescaleIntercept, 0);
        identity.SetDecimalString(DicomTags.RescaleSlope, 1);
        identity.SetString(DicomTags.RescaleType, DicomVR.LO, "US");
        shared.SetSequence(DicomTags.PixelValueTransformationSequence, identity);
        var frameType = new DicomDataset();
        frameType.SetString(new DicomTag(0x0008, 0x9007), DicomVR.CS, "DERIVED", "PRIMARY", "VOLUME", c.ContentLabel);   // Frame Type
        shared.SetSequence(new DicomTag(0x0040, 0x9092), frameType);                 // Parametric Map Frame Type Sequence

        var mapping = new DicomDataset();
        var (min, max) = FiniteRange(c.Frames);
        mapping.SetNumbers(new DicomTag(0x0040, 0x9213), DicomVR.FD, min);          // Double Float Real World Value First Value Mapped
        mapping.SetNumbers(new DicomTag(0x0040, 0x9214), DicomVR.FD, max);          // … Last Value Mapped
        mapping.SetNumbers(new DicomTag(0x0040, 0x9224), DicomVR.FD, 0);            // Real World Value Intercept
        mapping.SetNumbers(new DicomTag(0x0040, 0x9225), DicomVR.FD, 1);            // Real World Value Slope
        mapping.SetString(new DicomTag(0x0028, 0x3003), DicomVR.LO, c.Quantity.Explanation);   // LUT Explanation
        mapping.SetString(new DicomTag(0x0040, 0x9210), DicomVR.SH, c.Quantity.Label);         // LUT Label
        mapping.SetSequence(new DicomTag(0x0040, 0x08EA), c.Quantity.Units.ToItem());          // Measurement Units Code Sequence
        if (c.Quantity.Quantity is { } quantity)
        {
            var definition = new DicomDataset();
            definition.SetString(new DicomTag(0x0040, 0xA040), DicomVR.CS, "CODE");            // Value Type
            definition.SetSequence(new DicomTag(0x0040, 0xA043), new DicomCode("246205007", "SCT", "Quantity").ToItem());
            definition.SetSequence(new DicomTag(0x0040, 0xA168), quantity.ToItem());           // Concept Code Sequence
            mapping.SetSequence(new DicomTag(0x0040, 0x9220), definition);                     // Quantity Definition Sequence
        }
        shared.SetSequence(new DicomTag(0x0040, 0x9096), mapping);                   // Real World Value Mapping Sequence
        return shared;
    }

    private static DicomDataset PerFrameGroups(ParametricMapFrame frame, int index)
    {
        var item = new DicomDataset();
        var content = new DicomDataset();
        content.SetNumbers(new DicomTag(0x0020, 0x9157), DicomVR.UL, index + 1);    // Dimension Index Values
        item.SetSequence(DicomTags.FrameContentSequence, content);
        var position = new DicomDataset();
        position.SetDecimalString(DicomTags.ImagePositionPatient, [.. frame.ImagePositionPatientMm]);
        item.SetSequence(DicomTags.PlanePositionSequence, position);
        if (frame.SourceImages.Count > 0)
            item.SetSequence(new DicomTag(0x0008, 0x9124), DerivedObjectModules.DerivationImage(new DicomCode("110816", "DCM", "Time Course of Signal"),   // Derivation Image Sequence
                frame.SourceImages));
        return item;
    }

    private static (double Min, double Max) FiniteRange(IReadOnlyList<ParametricMapFrame> frames)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var f in frames)
            foreach (var v in f.Values)
                if (float.IsFinite(v)) { min = Math.Min(min, v); max = Math.Max(max, v); }
        return double.IsFinite(min) ? (min, max) : (0, 0);
    }
}
