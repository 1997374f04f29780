namespace IronNotebooks.Statistics;

/// <summary>The cut-offs of an ROC curve a validation paper reports (see <see cref="CutoffSearch"/>).</summary>
/// <param name="Direction">The curve's direction.</param>
/// <param name="Youden">The point of maximum Youden index; among tied maxima the most sensitive.</param>
/// <param name="YoudenTies">How many points share the maximum (1 when unique; pROC lists them all).</param>
/// <param name="RuleIn">The most sensitive point with PPV = 100 % (no false positive, at least one true positive), or null.</param>
/// <param name="RuleOut">The most specific point with NPV = 100 % (no false negative, at least one true negative), or null.</param>
/// <param name="Band">The subjects between <paramref name="RuleOut"/> and <paramref name="RuleIn"/>, or null when either is missing.</param>
/// <param name="Warnings">Caveats: cut-offs chosen on the same data are optimistic, missing cut-offs and why.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record CutoffReport(RocDirection Direction, RocPoint Youden, int YoudenTies, RocPoint? RuleIn, RocPoint? RuleOut, UncertainBand? Band, IReadOnlyList<string> Warnings);
