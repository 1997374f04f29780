namespace IronNotebooks.Dicom.IO;

/// <summary>Attributes an object derived from source images copies from them, so that it files with their study.</summary>
public static class DerivedObjectHeader
{
    /// <summary>
    /// Copies the Patient and General Study modules' attributes (name, ID, birth date, sex; study date, time, referring
    /// physician, study ID, accession number, UID, description) from <paramref name="source"/> into <paramref name="target"/>;
    /// Type 2 attributes the source lacks are written empty.
    /// </summary>
    public static void CopyPatientAndStudy(DicomDataset source, DicomDataset target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        foreach (var (tag, vr) in new (DicomTag, DicomVR)[]
        {
            (DicomTags.PatientName, DicomVR.PN), (DicomTags.PatientID, DicomVR.LO), (new DicomTag(0x0010, 0x0030), DicomVR.DA),
            (new DicomTag(0x0010, 0x0040), DicomVR.CS), (DicomTags.StudyDate, DicomVR.DA), (DicomTags.StudyTime, DicomVR.TM),
            (new DicomTag(0x0008, 0x0090), DicomVR.PN), (new DicomTag(0x0020, 0x0010), DicomVR.SH), (new DicomTag(0x0008, 0x0050), DicomVR.SH),
        })
            target.SetString(tag, vr, source.GetStringOrDefault(tag) ?? "");
        target.SetString(DicomTags.StudyInstanceUID, DicomVR.UI, source.GetString(DicomTags.StudyInstanceUID));
        if (source.GetStringOrDefault(new DicomTag(0x0008, 0x1030)) is { Length: > 0 } studyDescription)
            target.SetString(new DicomTag(0x0008, 0x1030), DicomVR.LO, studyDescription);
    }
}
