using IronNotebooks.Roi;

namespace IronNotebooks.Display;

/// <summary>
/// Several ROI measurements as one table (a list cannot carry a display attribute, so wrap it):
/// <c>new RoiStatisticsTable(RoiMeasurement.MeasureEchoes(slice, roi))</c> shows one row per ROI and echo.
/// </summary>
/// <param name="Rows">The measurements, in the order to show.</param>
/// <param name="Title">Table title, or null for "ROI statistics".</param>
[TypeFormatterSource(typeof(ResultFormatterSource))]
public sealed record RoiStatisticsTable(IReadOnlyList<RoiStatistics> Rows, string? Title = null);
