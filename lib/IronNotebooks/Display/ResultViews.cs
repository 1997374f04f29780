using IronNotebooks.Display.Views;

namespace IronNotebooks.Display;

/// <summary>The registry of display views: one line per displayable type.</summary>
internal static class ResultViews
{
    public static IReadOnlyList<ResultView> All { get; } =
    [
        // Calibration
        new LicEstimateView(),
        new LiverIronConcentrationView(),
        // Relaxometry
        new DecayFitResultView(),
        new SpinEchoFitResultView(),
        new RoiDecayFitResultView(),
        new R2StarMapResultView(),
        // Fat and water
        new FatWaterFitResultView(),
        // ROI
        new RoiStatisticsView(),
        new RoiSetView(),
        new RoiProposalView(),
        new RoiStatisticsTableView(),
        // Exams
        new ExamMeasurementResultView(),
        new ExamMeasurementRowView(),
        new CohortTableView(),
        new CohortValidationResultView(),
        // Signal ratios
        new SirEstimateView(),
        // Statistics
        new RocCurveView(),
        new CutoffReportView(),
        new DiagnosticTableView(),
        new ThreeBandTableView(),
        new BlandAltmanResultView(),
        new RegressionLineView(),
        new AucComparisonView(),
        new CorrelationResultView(),
        new ConcordanceResultView(),
        new KappaResultView(),
        new McNemarResultView(),
        new BowkerResultView(),
        new ConfusionMatrixView(),
        new PredictiveValuesView(),
        new RepeatabilityResultView(),
        // Plotting
        new PlotlyFigureView(),
        new PngImageView(),
        // Tables a notebook builds; teaching
        new ResultTableView(),
        new ExerciseResultView(),
    ];

    /// <summary>The view of <paramref name="type"/> or of its nearest base type that has one, or null.</summary>
    public static ResultView? For(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
            foreach (var v in All)
                if (v.Type == t) return v;
        return All.FirstOrDefault(v => v.Type.IsAssignableFrom(type));
    }
}
