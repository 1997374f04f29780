using System.Collections;
using System.Reflection;
using IronNotebooks.Display;
using IronNotebooks.Plotting.Plotly;
using IronNotebooks.Statistics;
using Xunit;

namespace IronNotebooks.Tests.Display;

/// <summary>
/// The display convention exercised by reflection exactly as the Polyglot kernel does it (docs/architecture.md, Notebooks): the
/// attribute is found by type NAME on the runtime type (inherited counts), its FormatterSourceType read, the source
/// created with its parameterless constructor, CreateTypeFormatters() enumerated, and each formatter's MimeType and
/// Format(object, TextWriter) called. Nothing here uses the library's display types at compile time.
/// </summary>
[Collection("PlotlyHtml ids")]
public class DisplayConventionTests
{
    /// <summary>The kernel's side: MIME type → text, for the formatters that accept the value.</summary>
    internal static Dictionary<string, string> FormatLikeTheKernel(object value)
    {
        var attribute = value.GetType().GetCustomAttributes(inherit: true)
            .SingleOrDefault(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        Assert.True(attribute is not null, $"{value.GetType().Name} has no TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        _ = attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute); // optional, must be public
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = (IEnumerable)sourceType.GetMethod("CreateTypeFormatters", Type.EmptyTypes)!.Invoke(source, null)!;
        var outputs = new Dictionary<string, string>();
        foreach (var f in formatters)
        {
            var ft = f.GetType();
            var mime = (string)ft.GetProperty("MimeType")!.GetValue(f)!;
            var formats = ft.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == "Format").ToList();
            Assert.Single(formats);
            Assert.Equal([typeof(object), typeof(TextWriter)], formats[0].GetParameters().Select(p => p.ParameterType));
            Assert.Equal(typeof(bool), formats[0].ReturnType);
            if (ft.GetProperty("Type")?.GetValue(f) is Type t && !t.IsInstanceOfType(value)) continue;
            using var w = new StringWriter();
            if ((bool)formats[0].Invoke(f, [value, w])!)
            {
                Assert.False(outputs.ContainsKey(mime), $"two {mime} formatters accepted {value.GetType().Name}");
                outputs[mime] = w.ToString();
            }
        }
        return outputs;
    }

    public static TheoryData<string> SampleTypes() => [.. DisplaySamples.All().Select(v => v.GetType().Name)];

    [Theory]
    [MemberData(nameof(SampleTypes))]
    public void EveryResultType_GivesHtmlAndPlainText_ThroughTheKernelsReflectionPath(string typeName)
    {
        var value = DisplaySamples.All().Single(v => v.GetType().Name == typeName);
        var outputs = FormatLikeTheKernel(value);
        Assert.Contains("text/html", outputs.Keys);
        Assert.Contains("text/plain", outputs.Keys);
        Assert.False(string.IsNullOrWhiteSpace(outputs["text/html"]));
        Assert.False(string.IsNullOrWhiteSpace(outputs["text/plain"]));
        Assert.DoesNotContain("<table", outputs["text/plain"]);
        Assert.DoesNotContain("<div", outputs["text/plain"]);
    }

    [Fact]
    public void FormattersDecline_ValuesOfOtherTypes_SoACallerMayTryThemAll()
    {
        var formatters = new ResultFormatterSource().CreateTypeFormatters().Cast<TypeFormatter>().ToList();
        Assert.All(formatters, f => Assert.False(f.Format("a string", new StringWriter())));
        var roc = Roc.Compute([1, 2, 3, 4], [false, true, false, true]);
        Assert.Equal(2, formatters.Count(f => f.Format(roc, new StringWriter())));
    }

    [Fact]
    public void EveryRegisteredView_HasItsTypeMarked_AndEveryMarkedTypeHasAViewAndASample()
    {
        var viewTypes = new ResultFormatterSource().CreateTypeFormatters().Cast<TypeFormatter>().Select(f => f.Type).Distinct().ToList();
        var marked = typeof(Roc).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<TypeFormatterSourceAttribute>(false)?.FormatterSourceType == typeof(ResultFormatterSource)).ToList();
        Assert.Equal(viewTypes.OrderBy(t => t.FullName), marked.OrderBy(t => t.FullName));
        Assert.Equal(viewTypes.Select(t => t.Name).Order(), DisplaySamples.All().Select(v => v.GetType().Name).Order());
    }

    [Fact]
    public void TheAttribute_IsInherited_AsTheKernelAssumes()
    {
        var usage = typeof(TypeFormatterSourceAttribute).GetCustomAttribute<AttributeUsageAttribute>()!;
        Assert.True(usage.Inherited);
        Assert.Equal("TypeFormatterSourceAttribute", typeof(TypeFormatterSourceAttribute).Name);
        Assert.NotNull(typeof(TypeFormatterSourceAttribute).GetProperty("FormatterSourceType")!.GetMethod!.IsPublic ? "ok" : null);
    }

    [Fact]
    public void Figures_DisplayAsThePlotlyFragment_AndImagesAlsoAsBase64Png()
    {
        var samples = DisplaySamples.All();
        var figure = samples.OfType<PlotlyFigure>().Single();
        var html = FormatLikeTheKernel(figure)["text/html"];
        Assert.StartsWith("<div id=\"ironnb-plotly-", html);
        Assert.Contains("class=\"ironnb-plotly\"", html);
        var image = samples.OfType<IronNotebooks.Plotting.PngImage>().Single();
        var outputs = FormatLikeTheKernel(image);
        var png = Convert.FromBase64String(outputs["image/png"]);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.Contains($"src=\"data:image/png;base64,{outputs["image/png"]}\"", outputs["text/html"]);
    }
}
