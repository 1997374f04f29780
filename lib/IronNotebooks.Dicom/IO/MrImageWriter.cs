using System.Globalization;

namespace IronNotebooks.Dicom.IO;

/// <summary>
/// Writes an <see cref="MrImageSeries"/> as DICOM MR objects: one classic MR Image Storage file per frame, or one
/// Enhanced MR Image Storage file with per-frame functional groups (echo time, position, rescale). Both carry the
/// geometry and acquisition attributes that the reader's <see cref="Imaging.DicomFrameInfo"/> reads back.
/// </summary>
public static class MrImageWriter
{
    /// <summary>Writes one classic file per frame into <paramref name="folder"/> (created if needed); returns the paths in frame order.</summary>
    /// <exception cref="ArgumentException">The series is inconsistent (frame size, bits, geometry arrays).</exception>
    public static IReadOnlyList<string> WriteClassic(MrImageSeries series, string folder)
    {
        Validate(series);
        Directory.CreateDirectory(folder);
        var paths = new List<string>(series.Frames.Count);
        for (int i = 0; i < series.Frames.Count; i++)
        {
            var path = Path.Combine(folder, $"IM{i + 1:D5}.dcm");
            DicomWriter.Write(path, CreateClassicDataset(series, i));
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>Writes all frames into one Enhanced MR Image Storage file.</summary>
    public static void WriteEnhanced(MrImageSeries series, string path)
    {
        Validate(series);
        DicomWriter.Write(path, CreateEnhancedDataset(series));
    }

    /// <summary>The dataset of classic frame <paramref name="index"/>.</summary>
    public static DicomDataset CreateClassicDataset(MrImageSeries s, int index)
    {
        var frame = s.Frames[index];
        var ds = Common(s, DicomUid.MRImageStorage);
        ds.SetString(DicomTags.ImageType, DicomVR.CS, [.. s.ImageType]);
        ds.SetIntegerString(DicomTags.InstanceNumber, index + 1);
        ds.SetDecimalString(DicomTags.SliceThickness, s.SliceThicknessMm);
        ds.SetDecimalString(DicomTags.RepetitionTime, s.RepetitionTimeMs);
        ds.SetDecimalString(DicomTags.EchoTime, frame.EchoTimeMs);
        ds.SetIntegerString(DicomTags.EchoNumbers, frame.EchoNumber);
        ds.SetDecimalString(DicomTags.FlipAngle, s.FlipAngleDeg);
        ds.SetDecimalString(DicomTags.ImagePositionPatient, [.. frame.ImagePositionPatientMm]);
        ds.SetDecimalString(DicomTags.ImageOrientationPatient, [.. s.ImageOrientationPatient]);
        ds.SetDecimalString(DicomTags.PixelSpacing, [.. s.PixelSpacingMm]);
        ds.SetDecimalString(DicomTags.RescaleIntercept, s.RescaleIntercept);
        ds.SetDecimalString(DicomTags.RescaleSlope, s.RescaleSlope);
        ds.SetString(DicomTags.RescaleType, DicomVR.LO, "US");
        SetPixels(ds, s, [frame]);
        return ds;
    }

    /// <summary>The dataset of the enhanced multi-frame object.</summary>
    public static DicomDataset CreateEnhancedDataset(MrImageSeries s)
    {
        var ds = Common(s, DicomUid.EnhancedMRImageStorage);
        ds.SetString(DicomTags.ImageType, DicomVR.CS, [.. s.ImageType.Take(2), "MIXED", "NONE"]);
        ds.SetIntegerString(DicomTags.InstanceNumber, 1);
        ds.SetIntegerString(DicomTags.NumberOfFrames, s.Frames.Count);

        var timing = new DicomDataset();
        timing.SetDecimalString(DicomTags.RepetitionTime, s.RepetitionTimeMs);
        timing.SetDecimalString(DicomTags.FlipAngle, s.FlipAngleDeg);
        var measures = new DicomDataset();
        measures.SetDecimalString(DicomTags.PixelSpacing, [.. s.PixelSpacingMm]);
        measures.SetDecimalString(DicomTags.SliceThickness, s.SliceThicknessMm);
        var orientation = new DicomDataset();
        orientation.SetDecimalString(DicomTags.ImageOrientationPatient, [.. s.ImageOrientationPatient]);
        var transform = new DicomDataset();
        transform.SetDecimalString(DicomTags.RescaleIntercept, s.RescaleIntercept);
        transform.SetDecimalString(DicomTags.RescaleSlope, s.RescaleSlope);
        transform.SetString(DicomTags.RescaleType, DicomVR.LO, "US");
        // MR Image Frame Type macro: Frame Type repeats the image type, and Complex Image Component says magnitude,
        // so readers (ours included) can tell these frames from phase or derived maps.
        var frameType = new DicomDataset();
        frameType.SetString(new DicomTag(0x0008, 0x9007), DicomVR.CS, [.. s.ImageType.Take(2), "M", "NONE"]);
        frameType.SetString(new DicomTag(0x0008, 0x9208), DicomVR.CS, "MAGNITUDE");
        var shared = new DicomDataset();
        shared.SetSequence(new DicomTag(0x0018, 0x9226), frameType);
        shared.SetSequence(DicomTags.MRTimingAndRelatedParametersSequence, timing);
        shared.SetSequence(DicomTags.PixelMeasuresSequence, measures);
        shared.SetSequence(DicomTags.PlaneOrientationSequence, orientation);
        shared.SetSequence(DicomTags.PixelValueTransformationSequence, transform);
        ds.SetSequence(DicomTags.SharedFunctionalGroupsSequence, shared);

        var perFrame = new DicomDataset[s.Frames.Count];
        for (int i = 0; i < perFrame.Length; i++)
        {
            var f = s.Frames[i];
            var echo = new DicomDataset();
            echo.SetNumbers(DicomTags.EffectiveEchoTime, DicomVR.FD, f.EchoTimeMs);
            var position = new DicomDataset();
            position.SetDecimalString(DicomTags.ImagePositionPatient, [.. f.ImagePositionPatientMm]);
            var content = new DicomDataset();
            content.SetNumbers(new DicomTag(0x0020, 0x9157), DicomVR.UL, f.EchoNumber, i + 1); // DimensionIndexValues: echo, frame
            var item = new DicomDataset();
            item.SetSequence(DicomTags.MREchoSequence, echo);
            item.SetSequence(DicomTags.FrameContentSequence, content);
            item.SetSequence(DicomTags.PlanePositionSequence, position);
            perFrame[i] = item;
        }
        ds.SetSequence(DicomTags.PerFrameFunctionalGroupsSequence, perFrame);
        SetPixels(ds, s, s.Frames);
        return ds;
    }

    private static DicomDataset Common(MrImageSeries s, string sopClass)
    {
        var ds = new DicomDataset();
        ds.SetString(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        ds.SetString(DicomTags.SOPClassUID, DicomVR.UI, sopClass);
        ds.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, DicomUid.Generate());
        ds.SetString(DicomTags.StudyDate, DicomVR.DA, s.StudyDate);
        ds.SetString(DicomTags.StudyTime, DicomVR.TM, "000000");
        ds.SetString(DicomTags.Modality, DicomVR.CS, "MR");
        ds.SetString(DicomTags.Manufacturer, DicomVR.LO, s.Manufacturer);
        ds.SetString(DicomTags.SeriesDescription, DicomVR.LO, s.SeriesDescription);
        ds.SetString(DicomTags.PatientName, DicomVR.PN, s.PatientName);
        ds.SetString(DicomTags.PatientID, DicomVR.LO, s.PatientId);
        ds.SetDecimalString(DicomTags.MagneticFieldStrength, s.MagneticFieldStrengthT);
        ds.SetString(DicomTags.StudyInstanceUID, DicomVR.UI, s.StudyInstanceUid);
        ds.SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, s.SeriesInstanceUid);
        ds.SetIntegerString(DicomTags.SeriesNumber, s.SeriesNumber);
        ds.SetString(DicomTags.FrameOfReferenceUID, DicomVR.UI, s.FrameOfReferenceUid);
        ds.SetNumbers(DicomTags.SamplesPerPixel, DicomVR.US, 1);
        ds.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        ds.SetNumbers(DicomTags.Rows, DicomVR.US, s.Rows);
        ds.SetNumbers(DicomTags.Columns, DicomVR.US, s.Columns);
        ds.SetNumbers(DicomTags.BitsAllocated, DicomVR.US, 16);
        ds.SetNumbers(DicomTags.BitsStored, DicomVR.US, s.BitsStored);
        ds.SetNumbers(DicomTags.HighBit, DicomVR.US, s.BitsStored - 1);
        ds.SetNumbers(DicomTags.PixelRepresentation, DicomVR.US, 0);
        return ds;
    }

    private static void SetPixels(DicomDataset ds, MrImageSeries s, IReadOnlyList<MrFrame> frames)
    {
        int perFrame = s.Rows * s.Columns;
        var bytes = new byte[2L * perFrame * frames.Count];
        for (int f = 0; f < frames.Count; f++)
            for (int i = 0; i < perFrame; i++)
            {
                ushort v = frames[f].StoredValues[i];
                int at = 2 * (f * perFrame + i);
                bytes[at] = (byte)v;
                bytes[at + 1] = (byte)(v >> 8);
            }
        ds.Set(new DicomElement(DicomTags.PixelData, DicomVR.OW, bytes));
    }

    private static void Validate(MrImageSeries s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Rows < 1 || s.Columns < 1 || s.Rows > 65535 || s.Columns > 65535)
            throw new ArgumentException($"Rows and Columns must be 1–65535, got {s.Rows}×{s.Columns}.", nameof(s));
        if (s.BitsStored is < 1 or > 16) throw new ArgumentException($"BitsStored must be 1–16, got {s.BitsStored}.", nameof(s));
        if (s.Frames.Count == 0) throw new ArgumentException("The series has no frames.", nameof(s));
        if (s.PixelSpacingMm.Count != 2) throw new ArgumentException("PixelSpacingMm needs 2 values (row, column).", nameof(s));
        if (s.ImageOrientationPatient.Count != 6) throw new ArgumentException("ImageOrientationPatient needs 6 direction cosines.", nameof(s));
        uint max = (1u << s.BitsStored) - 1;
        for (int i = 0; i < s.Frames.Count; i++)
        {
            var f = s.Frames[i];
            if (f.StoredValues.Length != s.Rows * s.Columns)
                throw new ArgumentException($"Frame {i} has {f.StoredValues.Length} values, expected {s.Rows * s.Columns}.", nameof(s));
            if (f.ImagePositionPatientMm.Count != 3) throw new ArgumentException($"Frame {i} position needs 3 values.", nameof(s));
            foreach (var v in f.StoredValues)
                if (v > max) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Frame {i} holds {v}, above the {s.BitsStored}-bit maximum {max}: nothing is clipped silently."), nameof(s));
        }
    }
}
