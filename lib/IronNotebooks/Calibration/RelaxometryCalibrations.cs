namespace IronNotebooks.Calibration;

/// <summary>
/// The registry of relaxometry calibrations, exactly as docs/methods.md §3 lists them (LIC in mg/g dry weight, rates in
/// s⁻¹). Nothing here is extrapolated or adjusted; <see cref="LicConversion"/> applies them and says when an input is
/// outside a calibration's stated range or field.
/// </summary>
public static class RelaxometryCalibrations
{
    /// <summary>Wood et al. 2005, Blood 106:1460, 1.5 T: LIC = 0.0254·R2* + 0.202, valid 1.33–32.9 mg/g.</summary>
    public static RelaxometryCalibration Wood2005 { get; } = new("wood2005", "Wood 2005, 1.5 T", RelaxationQuantity.R2Star, 1.5,
        "LIC = 0.0254·R2* + 0.202", "Wood et al., Blood 2005;106:1460", 1.33, 32.9,
        EvidenceStatus.Secondary, "abstract [V], formula [S×4]") { ToMgPerGram = r => 0.0254 * r + 0.202, ExpectedR2StarKind = R2StarKind.WaterOnly };

    /// <summary>Hankins et al. 2009, Blood 113:4853, 1.5 T: LIC = 0.02802·R2* − 0.45485.</summary>
    public static RelaxometryCalibration Hankins2009 { get; } = new("hankins2009", "Hankins 2009, 1.5 T", RelaxationQuantity.R2Star, 1.5,
        "LIC = 0.02802·R2* − 0.45485", "Hankins et al., Blood 2009;113:4853", null, null,
        EvidenceStatus.Secondary, "[S]") { ToMgPerGram = r => 0.02802 * r - 0.45485, ExpectedR2StarKind = R2StarKind.WaterOnly };

    /// <summary>Garbowski et al. 2014, JCMR 16:40, 1.5 T: LIC = 0.0290·R2*^1.014.</summary>
    public static RelaxometryCalibration Garbowski2014 { get; } = new("garbowski2014", "Garbowski 2014, 1.5 T", RelaxationQuantity.R2Star, 1.5,
        "LIC = 0.0290·R2*^1.014 (= 31.94 / T2*ms^1.014)", "Garbowski et al., J Cardiovasc Magn Reson 2014;16:40", null, null,
        EvidenceStatus.Secondary, "[S×2]") { ToMgPerGram = r => 0.0290 * Math.Pow(r, 1.014), ExpectedR2StarKind = R2StarKind.WaterOnly };

    /// <summary>Henninger et al. 2015, RöFo (doi:10.1055/s-0034-1399318), 1.5 T: LIC = 0.024·R2* + 0.277 (r = 0.926, n = 17).</summary>
    public static RelaxometryCalibration Henninger2015 { get; } = new("henninger2015", "Henninger 2015, 1.5 T", RelaxationQuantity.R2Star, 1.5,
        "LIC = 0.024·R2* + 0.277 (r = 0.926, n = 17)", "Henninger et al., RöFo 2015, doi:10.1055/s-0034-1399318", null, null,
        EvidenceStatus.Verified, "[V]") { ToMgPerGram = r => 0.024 * r + 0.277, ExpectedR2StarKind = R2StarKind.WaterOnly };

    /// <summary>Hernando et al. multicentre (Radiology, doi:10.1148/radiol.213256), 1.5 T: LIC = 0.02603·R2* − 0.16. Derived
    /// on confounder-corrected R2* (CC-R2*, docs/methods.md §6): feed it a fat–water fit's R2*, not a water-only decay fit's.</summary>
    public static RelaxometryCalibration Hernando1p5T { get; } = new("hernando-1.5t", "Hernando multicentre, 1.5 T", RelaxationQuantity.R2Star, 1.5,
        "LIC = 0.02603·R2* − 0.16", "Hernando et al., Radiology, doi:10.1148/radiol.213256", null, null,
        EvidenceStatus.Verified, "[V]") { ToMgPerGram = r => 0.02603 * r - 0.16, ExpectedR2StarKind = R2StarKind.ConfounderCorrected };

    /// <summary>Hernando et al. multicentre, 2.89 T: LIC = 0.01400·R2* − 0.03. Expects CC-R2*.</summary>
    public static RelaxometryCalibration Hernando2p89T { get; } = new("hernando-2.89t", "Hernando multicentre, 2.89 T", RelaxationQuantity.R2Star, 2.89,
        "LIC = 0.01400·R2* − 0.03", "Hernando et al., Radiology, doi:10.1148/radiol.213256", null, null,
        EvidenceStatus.Secondary, "[S]") { ToMgPerGram = r => 0.01400 * r - 0.03, ExpectedR2StarKind = R2StarKind.ConfounderCorrected };

    /// <summary>Hernando et al. multicentre, 3.0 T: LIC = 0.01349·R2* − 0.03. Expects CC-R2*.</summary>
    public static RelaxometryCalibration Hernando3T { get; } = new("hernando-3t", "Hernando multicentre, 3.0 T", RelaxationQuantity.R2Star, 3.0,
        "LIC = 0.01349·R2* − 0.03", "Hernando et al., Radiology, doi:10.1148/radiol.213256", null, null,
        EvidenceStatus.Secondary, "[S×2]") { ToMgPerGram = r => 0.01349 * r - 0.03, ExpectedR2StarKind = R2StarKind.ConfounderCorrected };

    /// <summary>
    /// St Pierre et al. 2005, Blood 105:855, FerriScan R2 at 1.5 T: R2 = 6.88 + 26.06·LIC^0.701 −
    /// 0.438·LIC^1.402, with its published inverse LIC = (29.75 − √(900.7 − 2.283·R2))^1.424. The inverse has no real value for
    /// R2 > 900.7/2.283 ≈ 394.5 s⁻¹ (NaN; <see cref="LicConversion"/> reports it). The FerriScan service itself is a separate,
    /// proprietary analysis: this is the published curve, not FerriScan.
    /// </summary>
    public static RelaxometryCalibration StPierre2005 { get; } = new("stpierre2005", "St Pierre 2005 R2, 1.5 T", RelaxationQuantity.R2, 1.5,
        "R2 = 6.88 + 26.06·LIC^0.701 − 0.438·LIC^1.402; inverse LIC = (29.75 − √(900.7 − 2.283·R2))^1.424",
        "St Pierre et al., Blood 2005;105:855", null, null, EvidenceStatus.Secondary, "[S]")
    {
        ToMgPerGram = r2 =>
        {
            double root = 900.7 - 2.283 * r2;
            if (root < 0) return double.NaN;
            double b = 29.75 - Math.Sqrt(root);
            return b < 0 ? double.NaN : Math.Pow(b, 1.424);
        },
    };

    /// <summary>The published forward St Pierre curve: R2 (s⁻¹) from LIC (mg/g).</summary>
    public static double StPierre2005ForwardR2PerSecond(LiverIronConcentration lic) =>
        6.88 + 26.06 * Math.Pow(lic.MgPerGram, 0.701) - 0.438 * Math.Pow(lic.MgPerGram, 1.402);

    /// <summary>Every calibration, in registry order.</summary>
    public static IReadOnlyList<RelaxometryCalibration> All { get; } =
        [Wood2005, Hankins2009, Garbowski2014, Henninger2015, Hernando1p5T, Hernando2p89T, Hernando3T, StPierre2005];

    /// <summary>The calibration named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such calibration; the message lists the names.</exception>
    public static RelaxometryCalibration Get(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown calibration '{name}'; known: {string.Join(", ", All.Select(c => c.Name))}.", nameof(name));
}
