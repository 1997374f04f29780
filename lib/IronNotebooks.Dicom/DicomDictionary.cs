namespace IronNotebooks.Dicom;

/// <summary>One entry of the data dictionary: the standard's keyword and VR for a tag.</summary>
/// <param name="Tag">The tag.</param>
/// <param name="VR">Its value representation; for the few tags whose VR is "US or SS" it is US and the reader
/// resolves it from Pixel Representation.</param>
/// <param name="Keyword">The standard's keyword, e.g. EchoTime.</param>
public sealed record DicomDictionaryEntry(DicomTag Tag, DicomVR VR, string Keyword);

/// <summary>
/// The part of the DICOM data dictionary (PS3.6) that the project reads, plus the usual identification tags. Tags not
/// listed are still parsed: in explicit-VR files from their own VR, in implicit-VR files as UN (raw bytes), which is
/// how PS3.5 §6.2.2 asks readers to treat unknown elements.
/// </summary>
public static class DicomDictionary
{
    private static readonly Dictionary<uint, DicomDictionaryEntry> Entries = Build();

    /// <summary>The entry for a tag, or null when the dictionary does not list it.</summary>
    public static DicomDictionaryEntry? Lookup(DicomTag tag)
    {
        if (Entries.TryGetValue(tag.Value, out var e)) return e;
        if (tag.Element == 0x0000) return new DicomDictionaryEntry(tag, DicomVR.UL, "GroupLength");
        if (tag.IsPrivateCreator) return new DicomDictionaryEntry(tag, DicomVR.LO, "PrivateCreator");
        return null;
    }

    /// <summary>The VR to assume for a tag in an implicit-VR dataset: the dictionary's, otherwise UN.</summary>
    public static DicomVR ImplicitVR(DicomTag tag) => Lookup(tag)?.VR ?? DicomVR.UN;

    /// <summary>The keyword of a tag, or "Private" / "Unknown" when the dictionary does not list it.</summary>
    public static string NameOf(DicomTag tag) => Lookup(tag)?.Keyword ?? (tag.IsPrivate ? "Private" : "Unknown");

    /// <summary>Every entry, in tag order.</summary>
    public static IEnumerable<DicomDictionaryEntry> All => Entries.Values.OrderBy(e => e.Tag);

    private static Dictionary<uint, DicomDictionaryEntry> Build()
    {
        // (tag, VR, keyword) from PS3.6. Grouped as the data path uses them.
        (uint Tag, DicomVR VR, string Keyword)[] rows =
        [
            // File meta information (group 0002)
            (0x00020000, DicomVR.UL, "FileMetaInformationGroupLength"),
            (0x00020001, DicomVR.OB, "FileMetaInformationVersion"),
            (0x00020002, DicomVR.UI, "MediaStorageSOPClassUID"),
            (0x00020003, DicomVR.UI, "MediaStorageSOPInstanceUID"),
            (0x00020010, DicomVR.UI, "TransferSyntaxUID"),
            (0x00020012, DicomVR.UI, "ImplementationClassUID"),
            (0x00020013, DicomVR.SH, "ImplementationVersionName"),
            (0x00020016, DicomVR.AE, "SourceApplicationEntityTitle"),
            (0x00020100, DicomVR.UI, "PrivateInformationCreatorUID"),
            (0x00020102, DicomVR.OB, "PrivateInformation"),
            // Identification
            (0x00080005, DicomVR.CS, "SpecificCharacterSet"),
            (0x00080008, DicomVR.CS, "ImageType"),
            (0x00080012, DicomVR.DA, "InstanceCreationDate"),
            (0x00080013, DicomVR.TM, "InstanceCreationTime"),
            (0x00080016, DicomVR.UI, "SOPClassUID"),
            (0x00080018, DicomVR.UI, "SOPInstanceUID"),
            (0x00080020, DicomVR.DA, "StudyDate"),
            (0x00080021, DicomVR.DA, "SeriesDate"),
            (0x00080022, DicomVR.DA, "AcquisitionDate"),
            (0x00080023, DicomVR.DA, "ContentDate"),
            (0x0008002A, DicomVR.DT, "AcquisitionDateTime"),
            (0x00080030, DicomVR.TM, "StudyTime"),
            (0x00080031, DicomVR.TM, "SeriesTime"),
            (0x00080032, DicomVR.TM, "AcquisitionTime"),
            (0x00080033, DicomVR.TM, "ContentTime"),
            (0x00080050, DicomVR.SH, "AccessionNumber"),
            (0x00080060, DicomVR.CS, "Modality"),
            (0x00080064, DicomVR.CS, "ConversionType"),
            (0x00080070, DicomVR.LO, "Manufacturer"),
            (0x00080080, DicomVR.LO, "InstitutionName"),
            (0x00080090, DicomVR.PN, "ReferringPhysicianName"),
            (0x00081010, DicomVR.SH, "StationName"),
            (0x00081030, DicomVR.LO, "StudyDescription"),
            (0x0008103E, DicomVR.LO, "SeriesDescription"),
            (0x00081090, DicomVR.LO, "ManufacturerModelName"),
            (0x00081140, DicomVR.SQ, "ReferencedImageSequence"),
            (0x00081150, DicomVR.UI, "ReferencedSOPClassUID"),
            (0x00081155, DicomVR.UI, "ReferencedSOPInstanceUID"),
            (0x00089007, DicomVR.CS, "FrameType"),
            (0x00089205, DicomVR.CS, "PixelPresentation"),
            (0x00089206, DicomVR.CS, "VolumetricProperties"),
            (0x00089207, DicomVR.CS, "VolumeBasedCalculationTechnique"),
            (0x00100010, DicomVR.PN, "PatientName"),
            (0x00100020, DicomVR.LO, "PatientID"),
            (0x00100030, DicomVR.DA, "PatientBirthDate"),
            (0x00100040, DicomVR.CS, "PatientSex"),
            (0x00101010, DicomVR.AS, "PatientAge"),
            (0x00101020, DicomVR.DS, "PatientSize"),
            (0x00101030, DicomVR.DS, "PatientWeight"),
            // MR acquisition
            (0x00180015, DicomVR.CS, "BodyPartExamined"),
            (0x00180020, DicomVR.CS, "ScanningSequence"),
            (0x00180021, DicomVR.CS, "SequenceVariant"),
            (0x00180022, DicomVR.CS, "ScanOptions"),
            (0x00180023, DicomVR.CS, "MRAcquisitionType"),
            (0x00180024, DicomVR.SH, "SequenceName"),
            (0x00180050, DicomVR.DS, "SliceThickness"),
            (0x00180080, DicomVR.DS, "RepetitionTime"),
            (0x00180081, DicomVR.DS, "EchoTime"),
            (0x00180082, DicomVR.DS, "InversionTime"),
            (0x00180083, DicomVR.DS, "NumberOfAverages"),
            (0x00180084, DicomVR.DS, "ImagingFrequency"),
            (0x00180085, DicomVR.SH, "ImagedNucleus"),
            (0x00180086, DicomVR.IS, "EchoNumbers"),
            (0x00180087, DicomVR.DS, "MagneticFieldStrength"),
            (0x00180088, DicomVR.DS, "SpacingBetweenSlices"),
            (0x00180091, DicomVR.IS, "EchoTrainLength"),
            (0x00180095, DicomVR.DS, "PixelBandwidth"),
            (0x00181020, DicomVR.LO, "SoftwareVersions"),
            (0x00181030, DicomVR.LO, "ProtocolName"),
            (0x00181250, DicomVR.SH, "ReceiveCoilName"),
            (0x00181251, DicomVR.SH, "TransmitCoilName"),
            (0x00181310, DicomVR.US, "AcquisitionMatrix"),
            (0x00181312, DicomVR.CS, "InPlanePhaseEncodingDirection"),
            (0x00181314, DicomVR.DS, "FlipAngle"),
            (0x00185100, DicomVR.CS, "PatientPosition"),
            (0x00189005, DicomVR.SH, "PulseSequenceName"),
            (0x00189008, DicomVR.CS, "EchoPulseSequence"),
            (0x00189073, DicomVR.FD, "AcquisitionDuration"),
            (0x00189082, DicomVR.FD, "EffectiveEchoTime"),
            (0x00189087, DicomVR.FD, "DiffusionBValue"),
            (0x00189112, DicomVR.SQ, "MRTimingAndRelatedParametersSequence"),
            (0x00189114, DicomVR.SQ, "MREchoSequence"),
            (0x00189115, DicomVR.SQ, "MRModifierSequence"),
            (0x00189125, DicomVR.SQ, "MRFOVGeometrySequence"),
            (0x00189226, DicomVR.SQ, "MRImageFrameTypeSequence"),
            // Relationship and geometry
            (0x0020000D, DicomVR.UI, "StudyInstanceUID"),
            (0x0020000E, DicomVR.UI, "SeriesInstanceUID"),
            (0x00200010, DicomVR.SH, "StudyID"),
            (0x00200011, DicomVR.IS, "SeriesNumber"),
            (0x00200012, DicomVR.IS, "AcquisitionNumber"),
            (0x00200013, DicomVR.IS, "InstanceNumber"),
            (0x00200032, DicomVR.DS, "ImagePositionPatient"),
            (0x00200037, DicomVR.DS, "ImageOrientationPatient"),
            (0x00200052, DicomVR.UI, "FrameOfReferenceUID"),
            (0x00200100, DicomVR.IS, "TemporalPositionIdentifier"),
            (0x00200105, DicomVR.IS, "NumberOfTemporalPositions"),
            (0x00201041, DicomVR.DS, "SliceLocation"),
            (0x00209056, DicomVR.SH, "StackID"),
            (0x00209057, DicomVR.UL, "InStackPositionNumber"),
            (0x00209071, DicomVR.SQ, "FrameAnatomySequence"),
            (0x00209111, DicomVR.SQ, "FrameContentSequence"),
            (0x00209113, DicomVR.SQ, "PlanePositionSequence"),
            (0x00209116, DicomVR.SQ, "PlaneOrientationSequence"),
            (0x00209128, DicomVR.UL, "TemporalPositionIndex"),
            (0x00209157, DicomVR.UL, "DimensionIndexValues"),
            (0x00209221, DicomVR.SQ, "DimensionOrganizationSequence"),
            (0x00209222, DicomVR.SQ, "DimensionIndexSequence"),
            // Image pixel module
            (0x00280002, DicomVR.US, "SamplesPerPixel"),
            (0x00280004, DicomVR.CS, "PhotometricInterpretation"),
            (0x00280006, DicomVR.US, "PlanarConfiguration"),
            (0x00280008, DicomVR.IS, "NumberOfFrames"),
            (0x00280009, DicomVR.AT, "FrameIncrementPointer"),
            (0x00280010, DicomVR.US, "Rows"),
            (0x00280011, DicomVR.US, "Columns"),
            (0x00280030, DicomVR.DS, "PixelSpacing"),
            (0x00280100, DicomVR.US, "BitsAllocated"),
            (0x00280101, DicomVR.US, "BitsStored"),
            (0x00280102, DicomVR.US, "HighBit"),
            (0x00280103, DicomVR.US, "PixelRepresentation"),
            (0x00280106, DicomVR.US, "SmallestImagePixelValue"),
            (0x00280107, DicomVR.US, "LargestImagePixelValue"),
            (0x00280120, DicomVR.US, "PixelPaddingValue"),
            (0x00280301, DicomVR.CS, "BurnedInAnnotation"),
            (0x00281050, DicomVR.DS, "WindowCenter"),
            (0x00281051, DicomVR.DS, "WindowWidth"),
            (0x00281052, DicomVR.DS, "RescaleIntercept"),
            (0x00281053, DicomVR.DS, "RescaleSlope"),
            (0x00281054, DicomVR.LO, "RescaleType"),
            (0x00282110, DicomVR.CS, "LossyImageCompression"),
            (0x00282112, DicomVR.DS, "LossyImageCompressionRatio"),
            (0x00282114, DicomVR.CS, "LossyImageCompressionMethod"),
            (0x00283000, DicomVR.SQ, "ModalityLUTSequence"),
            (0x00289110, DicomVR.SQ, "PixelMeasuresSequence"),
            (0x00289132, DicomVR.SQ, "FrameVOILUTSequence"),
            (0x00289145, DicomVR.SQ, "PixelValueTransformationSequence"),
            (0x00400254, DicomVR.LO, "PerformedProcedureStepDescription"),
            (0x00409096, DicomVR.SQ, "RealWorldValueMappingSequence"),
            (0x00409210, DicomVR.SH, "LUTLabel"),
            (0x00409211, DicomVR.US, "RealWorldValueLastValueMapped"),
            (0x00409216, DicomVR.US, "RealWorldValueFirstValueMapped"),
            (0x00409224, DicomVR.FD, "RealWorldValueIntercept"),
            (0x00409225, DicomVR.FD, "RealWorldValueSlope"),
            (0x004008EA, DicomVR.SQ, "MeasurementUnitsCodeSequence"),
            (0x00080100, DicomVR.SH, "CodeValue"),
            (0x00080102, DicomVR.SH, "CodingSchemeDesignator"),
            (0x00080104, DicomVR.LO, "CodeMeaning"),
            // Multi-frame functional groups
            (0x52009229, DicomVR.SQ, "SharedFunctionalGroupsSequence"),
            (0x52009230, DicomVR.SQ, "PerFrameFunctionalGroupsSequence"),
            // Pixel data
            (0x7FE00001, DicomVR.OV, "ExtendedOffsetTable"),
            (0x7FE00002, DicomVR.OV, "ExtendedOffsetTableLengths"),
            (0x7FE00008, DicomVR.OF, "FloatPixelData"),
            (0x7FE00009, DicomVR.OD, "DoubleFloatPixelData"),
            (0x7FE00010, DicomVR.OW, "PixelData"),
            (0xFFFCFFFC, DicomVR.OB, "DataSetTrailingPadding"),
            // Items and delimiters carry no VR
            (0xFFFEE000, DicomVR.None, "Item"),
            (0xFFFEE00D, DicomVR.None, "ItemDelimitationItem"),
            (0xFFFEE0DD, DicomVR.None, "SequenceDelimitationItem"),
        ];
        var map = new Dictionary<uint, DicomDictionaryEntry>(rows.Length);
        foreach (var (tag, vr, keyword) in rows) map.Add(tag, new DicomDictionaryEntry(DicomTag.FromValue(tag), vr, keyword));
        return map;
    }
}
