using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace IronNotebooks.Dicom.Deidentification;

/// <summary>What to de-identify with.</summary>
public sealed record DeidentificationSettings
{
    /// <summary>Profile options on top of the Basic Profile.</summary>
    public ConfidentialityOptions Options { get; init; }

    /// <summary>
    /// The secret key (at least 16 bytes) the user keeps. UIDs, pseudonyms and date shifts are HMAC-SHA256 of the
    /// original values under it, so the same key gives the same replacements across studies and cohorts, and without
    /// it they cannot be reversed or recomputed.
    /// </summary>
    public required byte[] Secret { get; init; }

    /// <summary>De-identify images marked Burned In Annotation = YES anyway (their pixels are not cleaned).</summary>
    public bool AcceptBurnedInAnnotation { get; init; }

    /// <summary>Private attributes kept for quantification (all others are removed).</summary>
    public IReadOnlyList<PrivateKeepRule> PrivateKeepList { get; init; } = Deidentification.PrivateKeepList.Default;
}

/// <summary>The image says its pixels hold burned-in text (Burned In Annotation = YES) and the user has not accepted it.</summary>
public sealed class DicomBurnedInAnnotationException(string? filePath)
    : DicomException("Burned In Annotation (0028,0301) is YES: the pixels may show identifying text, which de-identification does not clean. " +
        "Remove the file, or accept it explicitly (--accept-burned-in).", filePath, null, new DicomTag(0x0028, 0x0301));

/// <summary>
/// PS3.15 Annex E Basic Application Level Confidentiality Profile with the options of
/// <see cref="ConfidentialityOptions"/>, driven by <see cref="AnnexETable"/>. One instance serves a whole cohort
/// (thread-safe); <see cref="Mapping"/> collects what was replaced, for the file the user keeps.
/// </summary>
public sealed class DicomDeidentifier
{
    private static readonly DicomTag BurnedInAnnotation = new(0x0028, 0x0301);
    private static readonly DicomTag PatientIdentityRemoved = new(0x0012, 0x0062);
    private static readonly DicomTag DeidentificationMethod = new(0x0012, 0x0063);
    private static readonly DicomTag DeidentificationMethodCodeSequence = new(0x0012, 0x0064);
    private static readonly DicomTag LongitudinalTemporalInformationModified = new(0x0028, 0x0303);
    private static readonly DicomTag AccessionNumber = new(0x0008, 0x0050);
    private static readonly DicomTag OtherPatientIds = new(0x0010, 0x1000);
    private static readonly DicomTag TimezoneOffsetFromUtc = new(0x0008, 0x0201);
    private static readonly DicomTag CodeValue = new(0x0008, 0x0100), CodingSchemeDesignator = new(0x0008, 0x0102), CodeMeaning = new(0x0008, 0x0104);

    // Attributes that are Type 1 (must keep a value) in the multi-frame, SR, SEG and Parametric Map IODs; in classic
    // MR images they are Type 2 or 3, so a composite action empties or removes them there.
    private static readonly HashSet<DicomTag> Type1InEnhancedObjects =
        [new(0x0008, 0x0023), new(0x0008, 0x0033), new(0x0008, 0x002A), new(0x0018, 0x1000)];
    // Sequences with a Z action that are Type 2 in the image IODs handled here (Acquisition Context, Enhanced MR).
    private static readonly HashSet<DicomTag> Type2Sequences = [new(0x0040, 0x0555)];
    private static readonly string[] EnhancedSopClassPrefixes =
        ["1.2.840.10008.5.1.4.1.1.4.1", "1.2.840.10008.5.1.4.1.1.88.", "1.2.840.10008.5.1.4.1.1.66.", "1.2.840.10008.5.1.4.1.1.30"];

    private readonly DeidentificationSettings _settings;

    /// <summary>Creates a de-identifier; the key must hold at least 16 bytes.</summary>
    public DicomDeidentifier(DeidentificationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Secret is null || settings.Secret.Length < 16)
            throw new ArgumentException("The de-identification key must hold at least 16 bytes.", nameof(settings));
        _settings = settings;
    }

    /// <summary>Every replacement made so far (UIDs, pseudonyms, date shifts).</summary>
    public DeidentificationMapping Mapping { get; } = new();

    /// <summary>The PS3.16 CID 7050 codes (scheme DCM) this de-identification records in (0012,0064).</summary>
    public IReadOnlyList<(string Code, string Meaning)> MethodCodes
    {
        get
        {
            var codes = new List<(string, string)> { ("113100", "Basic Application Confidentiality Profile") };
            var o = _settings.Options;
            if (o.HasFlag(ConfidentialityOptions.CleanDescriptors)) codes.Add(("113105", "Clean Descriptors Option"));
            if (o.HasFlag(ConfidentialityOptions.RetainLongitudinalModifiedDates)) codes.Add(("113107", "Retain Longitudinal Temporal Information Modified Dates Option"));
            if (o.HasFlag(ConfidentialityOptions.RetainPatientCharacteristics)) codes.Add(("113108", "Retain Patient Characteristics Option"));
            if (o.HasFlag(ConfidentialityOptions.RetainDeviceIdentity)) codes.Add(("113109", "Retain Device Identity Option"));
            if (o.HasFlag(ConfidentialityOptions.RetainUids)) codes.Add(("113110", "Retain UIDs Option"));
            if (_settings.PrivateKeepList.Count > 0) codes.Add(("113111", "Retain Safe Private Option"));
            return codes;
        }
    }

    /// <summary>
    /// Returns a de-identified copy of a top-level dataset (the input is not changed). Pixel data and every attribute
    /// the table does not list are copied as they are.
    /// </summary>
    /// <exception cref="DicomBurnedInAnnotationException">Burned In Annotation is YES and not accepted.</exception>
    public DicomDataset Deidentify(DicomDataset source, string? sourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (string.Equals(source.GetStringOrDefault(BurnedInAnnotation)?.Trim(), "YES", StringComparison.OrdinalIgnoreCase) && !_settings.AcceptBurnedInAnnotation)
            throw new DicomBurnedInAnnotationException(sourcePath);

        var context = new Context(source, this);
        var output = Process(source, context);

        output.SetString(PatientIdentityRemoved, DicomVR.CS, "YES");
        output.SetString(DeidentificationMethod, DicomVR.LO, MethodText());
        var items = MethodCodes.Select(c =>
        {
            var item = new DicomDataset();
            item.SetString(CodeValue, DicomVR.SH, c.Code);
            item.SetString(CodingSchemeDesignator, DicomVR.SH, "DCM");
            item.SetString(CodeMeaning, DicomVR.LO, c.Meaning);
            return item;
        }).ToArray();
        output.SetSequence(DeidentificationMethodCodeSequence, items);
        output.SetString(LongitudinalTemporalInformationModified, DicomVR.CS,
            _settings.Options.HasFlag(ConfidentialityOptions.RetainLongitudinalModifiedDates) ? "MODIFIED" : "REMOVED");
        return output;
    }

    /// <summary>The replacement of a UID: 2.25.&lt;the first 128 bits of HMAC-SHA256(key, uid) as a decimal&gt; (PS3.5 §B.2).</summary>
    public string MapUid(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        var clean = uid.Trim().TrimEnd('\0');
        var mapped = "2.25." + new BigInteger(Hmac("uid:" + clean).AsSpan(0, 16), isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);
        Mapping.Record("uid", clean, mapped);
        return mapped;
    }

    /// <summary>The pseudonym given to a patient (Patient ID and Patient's Name of the output): "IRONNB-" + 12 hex digits.</summary>
    public string PseudonymFor(string patientKey)
    {
        var pseudonym = "IRONNB-" + Convert.ToHexString(Hmac("patient:" + patientKey), 0, 6);
        Mapping.Record("patient", patientKey, pseudonym);
        return pseudonym;
    }

    /// <summary>Days every date of a patient is moved by (Modified Dates option): between 1 and 11 years into the past, from the key.</summary>
    public int DateShiftDaysFor(string patientKey)
    {
        int days = -(365 + (int)(BitConverter.ToUInt32(Hmac("dateshift:" + patientKey), 0) % 3650));
        Mapping.Record("date-shift-days", patientKey, days.ToString(CultureInfo.InvariantCulture));
        return days;
    }

    private byte[] Hmac(string text) => HMACSHA256.HashData(_settings.Secret, Encoding.UTF8.GetBytes(text));

    private string MethodText()
    {
        var parts = new List<string> { "PS3.15 E Basic Profile" };
        var o = _settings.Options;
        if (o.HasFlag(ConfidentialityOptions.RetainLongitudinalModifiedDates)) parts.Add("Modified Dates");
        if (o.HasFlag(ConfidentialityOptions.RetainPatientCharacteristics)) parts.Add("Patient Chars");
        if (o.HasFlag(ConfidentialityOptions.RetainDeviceIdentity)) parts.Add("Device Id");
        if (o.HasFlag(ConfidentialityOptions.CleanDescriptors)) parts.Add("Clean Desc");
        if (o.HasFlag(ConfidentialityOptions.RetainUids)) parts.Add("Retain UIDs");
        parts.Add("IronNotebooks");
        var text = string.Join("; ", parts);
        return text.Length <= 64 ? text : text[..64];   // LO holds 64 characters
    }

    /// <summary>What every level of one file's processing needs to know about the patient.</summary>
    private sealed class Context
    {
        public Context(DicomDataset top, DicomDeidentifier owner)
        {
            var patientId = top.GetStringOrDefault(DicomTags.PatientID)?.Trim();
            var patientName = top.GetStringOrDefault(DicomTags.PatientName)?.Trim();
            PatientKey = !string.IsNullOrEmpty(patientId) ? "id:" + patientId : !string.IsNullOrEmpty(patientName) ? "name:" + patientName : "unknown";
            Pseudonym = owner.PseudonymFor(PatientKey);
            if (owner._settings.Options.HasFlag(ConfidentialityOptions.RetainLongitudinalModifiedDates))
                DateShiftDays = owner.DateShiftDaysFor(PatientKey);
            var sop = top.GetStringOrDefault(DicomTags.SOPClassUID) ?? "";
            IsEnhanced = EnhancedSopClassPrefixes.Any(p => sop.StartsWith(p, StringComparison.Ordinal));
            var identifying = new List<string>();
            foreach (var value in new[] { patientId, top.GetStringOrDefault(AccessionNumber), top.GetStringOrDefault(OtherPatientIds) })
                if (!string.IsNullOrWhiteSpace(value)) identifying.AddRange(value.Split('\\').Select(v => v.Trim()).Where(v => v.Length >= 2));
            if (patientName is not null)
                identifying.AddRange(patientName.Split(['^', ' ', '='], StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 2));
            IdentifyingText = identifying.Count == 0 ? null
                : new Regex(string.Join('|', identifying.Distinct().OrderByDescending(s => s.Length).Select(Regex.Escape)), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            Encoding = top.TextEncoding;
        }

        public string PatientKey { get; }
        public string Pseudonym { get; }
        public int DateShiftDays { get; }
        public bool IsEnhanced { get; }
        public Regex? IdentifyingText { get; }
        public Encoding Encoding { get; }
    }

    private DicomDataset Process(DicomDataset source, Context context)
    {
        var output = new DicomDataset(null);
        var keptPrivate = KeptPrivateTags(source);
        foreach (var e in source)
        {
            var tag = e.Tag;
            if (tag.Group == 0x0002) continue;   // the writer makes a new meta group from the new SOP Instance UID
            if (tag.IsPrivate)
            {
                if (keptPrivate.Contains(tag)) output.Set(e.Items is { } items ? new DicomElement(tag, [.. items.Select(i => Process(i, context))]) : e);
                continue;
            }
            var rule = AnnexETable.Find(tag);
            if (rule is null)
            {
                output.Set(e.Items is { } items ? new DicomElement(tag, [.. items.Select(i => Process(i, context))]) : e);
                continue;
            }
            var action = AnnexETable.ActionFor(rule, _settings.Options, context.IsEnhanced && Type1InEnhancedObjects.Contains(tag));
            if (Apply(e, action, context) is { } replaced) output.Set(replaced);
        }
        return output;
    }

    /// <summary>Private tags on the keep-list, and the creator elements that reserve their blocks.</summary>
    private HashSet<DicomTag> KeptPrivateTags(DicomDataset source)
    {
        var kept = new HashSet<DicomTag>();
        foreach (var e in source)
        {
            if (!e.Tag.IsPrivate || e.Tag.IsPrivateCreator) continue;
            var creator = source.PrivateCreatorOf(e.Tag);
            if (_settings.PrivateKeepList.Any(r => r.Matches(e.Tag, creator)))
            {
                kept.Add(e.Tag);
                kept.Add(new DicomTag(e.Tag.Group, (ushort)(e.Tag.Element >> 8)));
            }
        }
        return kept;
    }

    private DicomElement? Apply(DicomElement e, AnnexEAction action, Context context)
    {
        var tag = e.Tag;
        bool isSequence = e.Items is not null;
        switch (action)
        {
            case AnnexEAction.Remove:
                return null;
            case AnnexEAction.Keep:
                return isSequence ? new DicomElement(tag, [.. e.Items!.Select(i => Process(i, context))]) : e;
            case AnnexEAction.Zero:
                if (tag == DicomTags.PatientID || tag == DicomTags.PatientName) return Text(tag, e.VR, context.Pseudonym, context);
                // An empty sequence is conformant only where the sequence is Type 2; elsewhere removal is as safe and valid.
                if (isSequence) return Type2Sequences.Contains(tag) ? new DicomElement(tag, Array.Empty<DicomDataset>()) : null;
                return new DicomElement(tag, e.VR, ReadOnlyMemory<byte>.Empty);
            case AnnexEAction.Dummy:
                if (isSequence) return new DicomElement(tag, [.. e.Items!.Select(i => Process(i, context))]);
                return Dummy(e, context);
            case AnnexEAction.ReplaceUid:
                if (isSequence) return new DicomElement(tag, [.. e.Items!.Select(i => Process(i, context))]);
                if (e.VR != DicomVR.UI) return Dummy(e, context);
                var uids = e.GetStrings(Encoding.ASCII).Select(u => u.Trim().TrimEnd('\0')).Where(u => u.Length > 0).Select(MapUid).ToArray();
                return uids.Length == 0 ? e : Text(tag, DicomVR.UI, string.Join('\\', uids), context);
            default:
                return Clean(e, context);
        }
    }

    /// <summary>
    /// C: dates moved by the patient's shift (Modified Dates option; otherwise dates have no C action), time zones set
    /// to +0000, free text kept without the patient's name parts, IDs, accession number and any run of six or more
    /// digits, coded sequences processed item by item.
    /// </summary>
    private DicomElement? Clean(DicomElement e, Context context)
    {
        if (e.Items is { } items) return new DicomElement(e.Tag, [.. items.Select(i => Process(i, context))]);
        var values = e.GetStrings(context.Encoding);
        switch (e.VR)
        {
            case DicomVR.DA:
                return Text(e.Tag, e.VR, string.Join('\\', values.Select(v => ShiftDate(v.Trim(), context.DateShiftDays))), context);
            case DicomVR.DT:
                return Text(e.Tag, e.VR, string.Join('\\', values.Select(v => v.Length >= 8 ? ShiftDate(v[..8], context.DateShiftDays) + v[8..].Trim() : v)), context);
            case DicomVR.TM:
                return e;   // a time of day identifies no one once the date has moved
            case DicomVR.SH when e.Tag == TimezoneOffsetFromUtc:
                return Text(e.Tag, e.VR, "+0000", context);
            case DicomVR.LO or DicomVR.SH or DicomVR.ST or DicomVR.LT or DicomVR.UT or DicomVR.UC or DicomVR.PN or DicomVR.CS:
                var cleaned = values.Select(v => CleanText(v, context)).ToArray();
                return Text(e.Tag, e.VR, string.Join('\\', cleaned), context);
            default:
                return e;
        }
    }

    private static string CleanText(string text, Context context)
    {
        var cleaned = context.IdentifyingText?.Replace(text, "") ?? text;
        cleaned = Regex.Replace(cleaned, "[0-9]{6,}", "");
        return Regex.Replace(cleaned, "\\s{2,}", " ").Trim();
    }

    private static string ShiftDate(string date, int days)
    {
        if (date.Length == 0) return date;
        if (!DateOnly.TryParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return "";   // unreadable: emptied, never kept
        return d.AddDays(days).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    }

    private DicomElement Dummy(DicomElement e, Context context) => e.VR switch
    {
        DicomVR.UI => Text(e.Tag, e.VR, MapUid(e.GetStrings(Encoding.ASCII).FirstOrDefault()?.Trim() ?? ""), context),
        DicomVR.DA => Text(e.Tag, e.VR, "19000101", context),
        DicomVR.DT => Text(e.Tag, e.VR, "19000101000000", context),
        DicomVR.TM => Text(e.Tag, e.VR, "000000", context),
        DicomVR.PN => Text(e.Tag, e.VR, "ANONYMIZED", context),
        DicomVR.AE => Text(e.Tag, e.VR, "ANON", context),
        DicomVR.IS or DicomVR.DS => Text(e.Tag, e.VR, "0", context),
        DicomVR.CS => Text(e.Tag, e.VR, "ANONYMIZED", context),
        DicomVR.LO or DicomVR.SH or DicomVR.ST or DicomVR.LT or DicomVR.UT or DicomVR.UC or DicomVR.UN => Text(e.Tag, e.VR == DicomVR.UN ? DicomVR.LO : e.VR, "ANONYMIZED", context),
        _ => new DicomElement(e.Tag, e.VR, new byte[Math.Max(e.Length, 2) & ~1]),   // binary: zeros of the same size
    };

    private static DicomElement Text(DicomTag tag, DicomVR vr, string text, Context context)
    {
        var bytes = (vr == DicomVR.UI ? Encoding.ASCII : context.Encoding).GetBytes(text);
        if ((bytes.Length & 1) == 1) bytes = [.. bytes, vr == DicomVR.UI ? (byte)0 : (byte)' '];
        return new DicomElement(tag, vr, bytes);
    }
}
