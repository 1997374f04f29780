using System.Collections;
using IronNotebooks.Notebooks.Kernel;
using Xunit;

namespace IronNotebooks.Notebooks.Tests.Kernel;

// Types shaped like the convention of docs/architecture.md (Notebooks), declared here so the tests do not depend on the library's own.
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;

    public string[]? PreferredMimeTypes { get; set; }
}

public sealed class VialSource
{
    public IEnumerable CreateTypeFormatters() => new object[] { new VialFormatter("text/plain"), new VialFormatter("text/html"), new VialFormatter("image/png") };
}

public sealed class VialFormatter(string mime)
{
    public string MimeType => mime;

    public Type Type => typeof(Vial);

    public bool Format(object instance, TextWriter writer)
    {
        var v = (Vial)instance;
        if (MimeType == "image/png") return false; // declines: no picture of a vial
        writer.Write(MimeType == "text/html" ? $"<b>{v.R2StarPerSecond}</b>" : $"vial {v.R2StarPerSecond}");
        return true;
    }
}

[TypeFormatterSource(typeof(VialSource), PreferredMimeTypes = ["text/html"])]
public class Vial(double r2StarPerSecond)
{
    public double R2StarPerSecond => r2StarPerSecond;
}

public sealed class LabelledVial(double r2StarPerSecond) : Vial(r2StarPerSecond);

public sealed record Echo(double EchoTimeMs, double Signal);

public class DisplayFormatterTests
{
    [Fact]
    public void Format_TypeWithTheConventionAttribute_UsesItsFormattersPreferredFirst()
    {
        var data = DisplayFormatter.Format(new Vial(30));

        Assert.Equal(["text/html", "text/plain"], data.Keys);
        Assert.Equal("<b>30</b>", data["text/html"]);
        Assert.Equal("vial 30", data["text/plain"]);
    }

    [Fact]
    public void Format_DerivedType_InheritsTheAttribute()
    {
        Assert.Equal("<b>600</b>", DisplayFormatter.Format(new LabelledVial(600))["text/html"]);
    }

    [Fact]
    public void Format_WithRequestedMimeTypes_ProducesOnlyThose()
    {
        var data = DisplayFormatter.Format(new Vial(100), ["text/plain"]);

        Assert.Equal(["text/plain"], data.Keys);
    }

    [Theory]
    [InlineData(null, "<null>")]
    [InlineData("as is", "as is")]
    [InlineData(2.5, "2.5")]
    public void PlainText_Scalars_AreShownAsThemselves(object? value, string expected) =>
        Assert.Equal(expected, DisplayFormatter.Format(value)["text/plain"]);

    [Fact]
    public void PlainText_CollectionsAndRecords_AreReadable()
    {
        Assert.Equal("[1, 2, 3]", DisplayFormatter.PlainText(new List<int> { 1, 2, 3 }));
        Assert.Equal("[\"a\", \"b\"]", DisplayFormatter.PlainText(new[] { "a", "b" }));
        Assert.Equal("{ \"te\": 1.2 }", DisplayFormatter.PlainText(new Dictionary<string, double> { ["te"] = 1.2 }));
        Assert.Equal("Echo { EchoTimeMs = 1.2, Signal = 800 }", DisplayFormatter.PlainText(new Echo(1.2, 800)));
        Assert.EndsWith(", … (150 items)]", DisplayFormatter.PlainText(Enumerable.Range(0, 150)));
    }

    [Fact]
    public void Display_InACell_UsesTheConventionOnTypesTheCellDeclares()
    {
        // Polyglot matches the attribute by name, so a notebook can declare its own; the runner must do the same.
        var run = new CSharpKernel().Execute("""
            class TypeFormatterSourceAttribute(Type t) : Attribute { public Type FormatterSourceType => t; }
            public class Src { public System.Collections.IEnumerable CreateTypeFormatters() => new object[] { new F() }; }
            public class F { public string MimeType => "text/html"; public bool Format(object o, System.IO.TextWriter w) { w.Write("<i>cell</i>"); return true; } }
            [TypeFormatterSource(typeof(Src))] class Shown { }
            display(new Shown());
            """);

        Assert.True(run.Succeeded, run.Error?.EValue);
        var d = Assert.IsType<IronNotebooks.Notebooks.Documents.DisplayOutput>(Assert.Single(run.Outputs));
        Assert.Equal("<i>cell</i>", d.Data["text/html"]);
        Assert.True(d.Data.ContainsKey("text/plain"));
    }
}
