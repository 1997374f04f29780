using IronNotebooks.Plotting.Plotly;

namespace IronNotebooks.Display.Views;

/// <summary>A figure shows as its Plotly fragment alone (no title block around it: the figure has its own title).</summary>
internal sealed class PlotlyFigureView : ResultView<PlotlyFigure>
{
    public override DisplayDocument Describe(PlotlyFigure f) => new(f.Layout.Title.Text, [new DisplayHtml(PlotlyHtml.Fragment(f), f.ToString())], []);

    public override bool Write(string mimeType, object value, TextWriter writer)
    {
        var f = (PlotlyFigure)value;
        switch (mimeType)
        {
            case "text/html": writer.Write(PlotlyHtml.Fragment(f)); return true;
            case "text/plain": writer.Write(f.ToString()); return true;
            default: return false;
        }
    }
}
