using IronNotebooks.Notebooks.Documents;

namespace IronNotebooks.Notebooks.Tests.Support;

/// <summary>
/// A notebook whose cells display Plotly figures as HTML fragments of the shape agreed for the Plotting formatters
/// (contract item 2: a div of class "ironnb-plotly" and a script that draws with window.Plotly when present, else
/// loads plotly.js from the CDN). Written by hand here so the report is tested independently of the Plotting code.
/// </summary>
public static class FigureNotebook
{
    /// <summary>Cells: the convention types, a scatter, a heatmap and a line figure in separate outputs, and some prose.</summary>
    public static NotebookDocument Create() => new(
    [
        NotebookCell.Markdown("# Figures\n\nThree **Plotly** figures; the report must draw each offline."),
        NotebookCell.Code("""
            class TypeFormatterSourceAttribute(Type t) : Attribute { public Type FormatterSourceType => t; }
            public class FigureSource { public System.Collections.IEnumerable CreateTypeFormatters() => new object[] { new FigureHtml() }; }
            public class FigureHtml
            {
                public string MimeType => "text/html";
                public bool Format(object o, System.IO.TextWriter w)
                {
                    var f = (Figure)o;
                    w.Write($"<div id=\"{f.Id}\" class=\"ironnb-plotly\" style=\"width:560px;height:320px\"></div>"
                        + "<script type=\"text/javascript\">(function(){var draw=function(){window.Plotly.newPlot('" + f.Id + "'," + f.Data + "," + f.Layout + ",{responsive:true});};"
                        + "if(window.Plotly){draw();}else if(typeof require==='function'){require(['https://cdn.plot.ly/plotly-4.1.2.min.js'],function(P){window.Plotly=P;draw();});}"
                        + "else{var s=document.createElement('script');s.src='https://cdn.plot.ly/plotly-4.1.2.min.js';s.onload=draw;document.head.appendChild(s);}})();</script>");
                    return true;
                }
            }
            [TypeFormatterSource(typeof(FigureSource))]
            public record Figure(string Id, string Data, string Layout);
            """),
        NotebookCell.Code("""
            display(new Figure("fig-scatter-1", "[{\"type\":\"scatter\",\"mode\":\"markers\",\"x\":[1.2,2.4,3.6,4.8],\"y\":[900,620,430,300]}]", "{\"title\":{\"text\":\"Decay\"}}"));
            Console.WriteLine("between figures");
            new Figure("fig-heatmap-2", "[{\"type\":\"heatmap\",\"z\":[[1,2,3],[4,5,6],[7,8,9]],\"colorscale\":\"Viridis\"}]", "{\"title\":{\"text\":\"Map\"}}")
            """),
        NotebookCell.Code("""
            new Figure("fig-line-3", "[{\"type\":\"scatter\",\"mode\":\"lines\",\"x\":[0,1,2],\"y\":[0,1,4]}]", "{\"title\":{\"text\":\"Line\"}}")
            """),
    ]);
}
