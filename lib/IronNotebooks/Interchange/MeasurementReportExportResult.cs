using System.Globalization;
using IronNotebooks.Calibration;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;
using IronNotebooks.Roi;

namespace IronNotebooks.Interchange;

/// <summary>What <see cref="MeasurementReportExport.Build"/> made: the report content and how.</summary>
public sealed record MeasurementReportExportResult
{
    /// <summary>The report, ready for <see cref="MeasurementReportWriter"/>.</summary>
    public required MeasurementReportContent Content { get; init; }

    /// <summary>Decay model of the R2* map.</summary>
    public required string Model { get; init; }

    /// <summary>Calibration of the LIC, or null when none applies at the series' field.</summary>
    public string? Calibration { get; init; }

    /// <summary>Choices made and anything doubtful.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
