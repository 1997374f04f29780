using IronNotebooks.Calibration;

namespace IronNotebooks.Display.Views;

internal sealed class LiverIronConcentrationView : ResultView<LiverIronConcentration>
{
    public override DisplayDocument Describe(LiverIronConcentration lic) => new("Liver iron concentration",
        [new DisplayTable(null, ["unit", "value"],
        [
            ["mg Fe/g dry weight", Numbers.F(lic.MgPerGram, 2)],
            ["µmol Fe/g dry weight", Numbers.F(lic.UmolPerGram, 1)],
            ["µg Fe/g dry weight", Numbers.F(lic.MicrogramsPerGram, 0)],
        ])], ["1 mg/g = 17.907 µmol/g (Fe 55.845 g/mol)."]);
}
