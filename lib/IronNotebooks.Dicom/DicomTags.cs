namespace IronNotebooks.Dicom;

/// <summary>Tags the project reads, as typed constants. Each is documented as (gggg,eeee) VR VM keyword (PS3.6).</summary>
public static class DicomTags
{
    /// <summary>(0002,0010) UI 1 TransferSyntaxUID</summary>
    public static readonly DicomTag TransferSyntaxUID = new(0x0002, 0x0010);
    /// <summary>(0002,0002) UI 1 MediaStorageSOPClassUID</summary>
    public static readonly DicomTag MediaStorageSOPClassUID = new(0x0002, 0x0002);
    /// <summary>(0002,0003) UI 1 MediaStorageSOPInstanceUID</summary>
    public static readonly DicomTag MediaStorageSOPInstanceUID = new(0x0002, 0x0003);
    /// <summary>(0002,0012) UI 1 ImplementationClassUID</summary>
    public static readonly DicomTag ImplementationClassUID = new(0x0002, 0x0012);
    /// <summary>(0002,0013) SH 1 ImplementationVersionName</summary>
    public static readonly DicomTag ImplementationVersionName = new(0x0002, 0x0013);
    /// <summary>(0002,0001) OB 1 FileMetaInformationVersion</summary>
    public static readonly DicomTag FileMetaInformationVersion = new(0x0002, 0x0001);
    /// <summary>(0002,0000) UL 1 FileMetaInformationGroupLength</summary>
    public static readonly DicomTag FileMetaInformationGroupLength = new(0x0002, 0x0000);
    /// <summary>(0008,0005) CS 1-n SpecificCharacterSet</summary>
    public static readonly DicomTag SpecificCharacterSet = new(0x0008, 0x0005);
    /// <summary>(0008,0008) CS 2-n ImageType</summary>
    public static readonly DicomTag ImageType = new(0x0008, 0x0008);
    /// <summary>(0008,0016) UI 1 SOPClassUID</summary>
    public static readonly DicomTag SOPClassUID = new(0x0008, 0x0016);
    /// <summary>(0008,0018) UI 1 SOPInstanceUID</summary>
    public static readonly DicomTag SOPInstanceUID = new(0x0008, 0x0018);
    /// <summary>(0008,0020) DA 1 StudyDate</summary>
    public static readonly DicomTag StudyDate = new(0x0008, 0x0020);
    /// <summary>(0008,0030) TM 1 StudyTime</summary>
    public static readonly DicomTag StudyTime = new(0x0008, 0x0030);
    /// <summary>(0008,0060) CS 1 Modality</summary>
    public static readonly DicomTag Modality = new(0x0008, 0x0060);
    /// <summary>(0008,0070) LO 1 Manufacturer</summary>
    public static readonly DicomTag Manufacturer = new(0x0008, 0x0070);
    /// <summary>(0008,1030) LO 1 StudyDescription</summary>
    public static readonly DicomTag StudyDescription = new(0x0008, 0x1030);
    /// <summary>(0008,103E) LO 1 SeriesDescription</summary>
    public static readonly DicomTag SeriesDescription = new(0x0008, 0x103E);
    /// <summary>(0008,1090) LO 1 ManufacturerModelName</summary>
    public static readonly DicomTag ManufacturerModelName = new(0x0008, 0x1090);
    /// <summary>(0010,0010) PN 1 PatientName</summary>
    public static readonly DicomTag PatientName = new(0x0010, 0x0010);
    /// <summary>(0010,0020) LO 1 PatientID</summary>
    public static readonly DicomTag PatientID = new(0x0010, 0x0020);
    /// <summary>(0018,0050) DS 1 SliceThickness</summary>
    public static readonly DicomTag SliceThickness = new(0x0018, 0x0050);
    /// <summary>(0018,0080) DS 1 RepetitionTime</summary>
    public static readonly DicomTag RepetitionTime = new(0x0018, 0x0080);
    /// <summary>(0018,0081) DS 1 EchoTime</summary>
    public static readonly DicomTag EchoTime = new(0x0018, 0x0081);
    /// <summary>(0018,0086) IS 1-n EchoNumbers</summary>
    public static readonly DicomTag EchoNumbers = new(0x0018, 0x0086);
    /// <summary>(0018,0087) DS 1 MagneticFieldStrength</summary>
    public static readonly DicomTag MagneticFieldStrength = new(0x0018, 0x0087);
    /// <summary>(0018,0088) DS 1 SpacingBetweenSlices</summary>
    public static readonly DicomTag SpacingBetweenSlices = new(0x0018, 0x0088);
    /// <summary>(0018,1314) DS 1 FlipAngle</summary>
    public static readonly DicomTag FlipAngle = new(0x0018, 0x1314);
    /// <summary>(0018,9082) FD 1 EffectiveEchoTime</summary>
    public static readonly DicomTag EffectiveEchoTime = new(0x0018, 0x9082);
    /// <summary>(0018,9112) SQ 1 MRTimingAndRelatedParametersSequence</summary>
    public static readonly DicomTag MRTimingAndRelatedParametersSequence = new(0x0018, 0x9112);
    /// <summary>(0018,9114) SQ 1 MREchoSequence</summary>
    public static readonly DicomTag MREchoSequence = new(0x0018, 0x9114);
    /// <summary>(0020,000D) UI 1 StudyInstanceUID</summary>
    public static readonly DicomTag StudyInstanceUID = new(0x0020, 0x000D);
    /// <summary>(0020,000E) UI 1 SeriesInstanceUID</summary>
    public static readonly DicomTag SeriesInstanceUID = new(0x0020, 0x000E);
    /// <summary>(0020,0011) IS 1 SeriesNumber</summary>
    public static readonly DicomTag SeriesNumber = new(0x0020, 0x0011);
    /// <summary>(0020,0012) IS 1 AcquisitionNumber</summary>
    public static readonly DicomTag AcquisitionNumber = new(0x0020, 0x0012);
    /// <summary>(0020,0013) IS 1 InstanceNumber</summary>
    public static readonly DicomTag InstanceNumber = new(0x0020, 0x0013);
    /// <summary>(0020,0032) DS 3 ImagePositionPatient</summary>
    public static readonly DicomTag ImagePositionPatient = new(0x0020, 0x0032);
    /// <summary>(0020,0037) DS 6 ImageOrientationPatient</summary>
    public static readonly DicomTag ImageOrientationPatient = new(0x0020, 0x0037);
    /// <summary>(0020,0052) UI 1 FrameOfReferenceUID</summary>
    public static readonly DicomTag FrameOfReferenceUID = new(0x0020, 0x0052);
    /// <summary>(0020,1041) DS 1 SliceLocation</summary>
    public static readonly DicomTag SliceLocation = new(0x0020, 0x1041);
    /// <summary>(0020,9111) SQ 1 FrameContentSequence</summary>
    public static readonly DicomTag FrameContentSequence = new(0x0020, 0x9111);
    /// <summary>(0020,9113) SQ 1 PlanePositionSequence</summary>
    public static readonly DicomTag PlanePositionSequence = new(0x0020, 0x9113);
    /// <summary>(0020,9116) SQ 1 PlaneOrientationSequence</summary>
    public static readonly DicomTag PlaneOrientationSequence = new(0x0020, 0x9116);
    /// <summary>(0028,0002) US 1 SamplesPerPixel</summary>
    public static readonly DicomTag SamplesPerPixel = new(0x0028, 0x0002);
    /// <summary>(0028,0004) CS 1 PhotometricInterpretation</summary>
    public static readonly DicomTag PhotometricInterpretation = new(0x0028, 0x0004);
    /// <summary>(0028,0006) US 1 PlanarConfiguration</summary>
    public static readonly DicomTag PlanarConfiguration = new(0x0028, 0x0006);
    /// <summary>(0028,0008) IS 1 NumberOfFrames</summary>
    public static readonly DicomTag NumberOfFrames = new(0x0028, 0x0008);
    /// <summary>(0028,0010) US 1 Rows</summary>
    public static readonly DicomTag Rows = new(0x0028, 0x0010);
    /// <summary>(0028,0011) US 1 Columns</summary>
    public static readonly DicomTag Columns = new(0x0028, 0x0011);
    /// <summary>(0028,0030) DS 2 PixelSpacing</summary>
    public static readonly DicomTag PixelSpacing = new(0x0028, 0x0030);
    /// <summary>(0028,0100) US 1 BitsAllocated</summary>
    public static readonly DicomTag BitsAllocated = new(0x0028, 0x0100);
    /// <summary>(0028,0101) US 1 BitsStored</summary>
    public static readonly DicomTag BitsStored = new(0x0028, 0x0101);
    /// <summary>(0028,0102) US 1 HighBit</summary>
    public static readonly DicomTag HighBit = new(0x0028, 0x0102);
    /// <summary>(0028,0103) US 1 PixelRepresentation</summary>
    public static readonly DicomTag PixelRepresentation = new(0x0028, 0x0103);
    /// <summary>(0028,1052) DS 1 RescaleIntercept</summary>
    public static readonly DicomTag RescaleIntercept = new(0x0028, 0x1052);
    /// <summary>(0028,1053) DS 1 RescaleSlope</summary>
    public static readonly DicomTag RescaleSlope = new(0x0028, 0x1053);
    /// <summary>(0028,1054) LO 1 RescaleType</summary>
    public static readonly DicomTag RescaleType = new(0x0028, 0x1054);
    /// <summary>(0028,9110) SQ 1 PixelMeasuresSequence</summary>
    public static readonly DicomTag PixelMeasuresSequence = new(0x0028, 0x9110);
    /// <summary>(0028,9145) SQ 1 PixelValueTransformationSequence</summary>
    public static readonly DicomTag PixelValueTransformationSequence = new(0x0028, 0x9145);
    /// <summary>(0040,9096) SQ 1 RealWorldValueMappingSequence</summary>
    public static readonly DicomTag RealWorldValueMappingSequence = new(0x0040, 0x9096);
    /// <summary>(0040,9224) FD 1 RealWorldValueIntercept</summary>
    public static readonly DicomTag RealWorldValueIntercept = new(0x0040, 0x9224);
    /// <summary>(0040,9225) FD 1 RealWorldValueSlope</summary>
    public static readonly DicomTag RealWorldValueSlope = new(0x0040, 0x9225);
    /// <summary>(5200,9229) SQ 1 SharedFunctionalGroupsSequence</summary>
    public static readonly DicomTag SharedFunctionalGroupsSequence = new(0x5200, 0x9229);
    /// <summary>(5200,9230) SQ 1 PerFrameFunctionalGroupsSequence</summary>
    public static readonly DicomTag PerFrameFunctionalGroupsSequence = new(0x5200, 0x9230);
    /// <summary>(7FE0,0001) OV 1 ExtendedOffsetTable</summary>
    public static readonly DicomTag ExtendedOffsetTable = new(0x7FE0, 0x0001);
    /// <summary>(7FE0,0002) OV 1 ExtendedOffsetTableLengths</summary>
    public static readonly DicomTag ExtendedOffsetTableLengths = new(0x7FE0, 0x0002);
    /// <summary>(7FE0,0008) OF 1 FloatPixelData</summary>
    public static readonly DicomTag FloatPixelData = new(0x7FE0, 0x0008);
    /// <summary>(7FE0,0009) OD 1 DoubleFloatPixelData</summary>
    public static readonly DicomTag DoubleFloatPixelData = new(0x7FE0, 0x0009);
    /// <summary>(7FE0,0010) OB/OW 1 PixelData</summary>
    public static readonly DicomTag PixelData = new(0x7FE0, 0x0010);
    /// <summary>(FFFE,E000) - 1 Item</summary>
    public static readonly DicomTag Item = new(0xFFFE, 0xE000);
    /// <summary>(FFFE,E00D) - 1 ItemDelimitationItem</summary>
    public static readonly DicomTag ItemDelimitationItem = new(0xFFFE, 0xE00D);
    /// <summary>(FFFE,E0DD) - 1 SequenceDelimitationItem</summary>
    public static readonly DicomTag SequenceDelimitationItem = new(0xFFFE, 0xE0DD);

    /// <summary>(2005,0010) LO 1 private creator of the Philips MR Imaging DD 001 block that holds the scale factors.</summary>
    public static readonly DicomTag PhilipsPrivateCreator2005 = new(0x2005, 0x0010);
    /// <summary>(2005,100D) FL 1 Philips scale intercept (private; block 10 of "Philips MR Imaging DD 001").</summary>
    public static readonly DicomTag PhilipsScaleIntercept = new(0x2005, 0x100D);
    /// <summary>(2005,100E) FL 1 Philips scale slope (private; block 10 of "Philips MR Imaging DD 001").</summary>
    public static readonly DicomTag PhilipsScaleSlope = new(0x2005, 0x100E);
    /// <summary>(2005,140F) SQ 1 Philips private per-frame sequence of enhanced MR files, which repeats the scale factors.</summary>
    public static readonly DicomTag PhilipsPrivateFrameSequence = new(0x2005, 0x140F);
    /// <summary>(2005,0014) LO 1 private creator of the block that holds (2005,140F).</summary>
    public static readonly DicomTag PhilipsPrivateCreator2005Block14 = new(0x2005, 0x0014);
}
