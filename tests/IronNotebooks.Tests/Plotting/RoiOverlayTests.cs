using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Imaging;
using IronNotebooks.Plotting;
using IronNotebooks.Plotting.Plotly;
using IronNotebooks.Roi;
using Xunit;

namespace IronNotebooks.Tests.Plotting;

public class RoiOverlayTests
{
    private static ImagePlane Ramp()
    {
        var g = new ImageGeometry(20, 30, new Vector3Mm(0, 0, 0), new Vector3Mm(1, 0, 0), new Vector3Mm(0, 1, 0), 1, 1, 5);
        return new ImagePlane([.. Enumerable.Range(0, 600).Select(i => (float)(i % 30))], g, 2.3, "ramp");
    }

    private static readonly RoiShape Liver = new CircleRoi("liver", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(10, 10), 4);

    [Fact]
    public void Png_HasValidChunksAndDecodesToTheGreyRampWithTheRoiOutlineInItsColour()
    {
        var png = RoiOverlayImage.ToPng(Ramp(), [Liver], new DisplayWindow(0, 29), scale: 1);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal(30, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(20, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));

        // Inflate IDAT and read pixels back: filter byte 0 then RGB.
        int idat = png.AsSpan().IndexOf("IDAT"u8);
        int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(idat - 4));
        using var z = new ZLibStream(new MemoryStream(png, idat + 4, length), CompressionMode.Decompress);
        var raw = new MemoryStream();
        z.CopyTo(raw);
        var rows = raw.ToArray();
        Assert.Equal(20 * (1 + 30 * 3), rows.Length);
        byte[] Rgb(int x, int y) => rows.AsSpan(y * 91 + 1 + 3 * x, 3).ToArray();
        Assert.Equal(new byte[] { 255, 255, 255 }, Rgb(29, 0));     // value 29 = window top = white
        Assert.Equal(new byte[] { 0, 0, 0 }, Rgb(0, 19));
        var (r, g, b) = RoiColors.Of(RoiRole.Liver);
        Assert.Equal(new[] { r, g, b }, Rgb(14, 10));               // rightmost centre of the disc is on its outline
        Assert.Equal(Rgb(10, 0), Rgb(10, 10));                     // the disc's interior keeps its grey (same column, same value)
    }

    [ToolFact("python:PIL")]
    public void Png_IsReadByPillow()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ironnb-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, RoiOverlayImage.ToPng(Ramp(), [Liver], scale: 3));
        try
        {
            var (code, stdout, stderr) = ExternalTool.Run(ExternalTool.Require("python:PIL"),
                ["-c", "import sys; from PIL import Image; im = Image.open(sys.argv[1]); im.load(); print(im.size, im.mode, im.getpixel((44, 30)))", path]);
            Assert.True(code == 0, stderr);
            Assert.StartsWith("(90, 60) RGB", stdout.Trim());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void PlotlyFigure_HasAHeatmapWithReversedYAndOneShapePerRoi()
    {
        var rect = new RectangleRoi("air", RoiRole.Background, RoiSpace.Pixel, new RoiPoint(0, 0), new RoiPoint(3, 3));
        var json = PlotlyJson.Serialize(RoiOverlayFigure.Create(Ramp(), [Liver, rect], title: "check"));
        using var doc = JsonDocument.Parse(json);
        var data = doc.RootElement.GetProperty("data");
        Assert.Equal("heatmap", data[0].GetProperty("type").GetString());
        Assert.Equal(20, data[0].GetProperty("z").GetArrayLength());
        Assert.Equal(30, data[0].GetProperty("z")[0].GetArrayLength());
        var layout = doc.RootElement.GetProperty("layout");
        Assert.Equal("reversed", layout.GetProperty("yaxis").GetProperty("autorange").GetString());
        var shapes = layout.GetProperty("shapes");
        Assert.Equal(2, shapes.GetArrayLength());
        Assert.Equal(RoiColors.Css(RoiRole.Background), shapes[1].GetProperty("line").GetProperty("color").GetString());
        // The rectangle's outline runs half a pixel outside its included corner pixels.
        Assert.StartsWith("M -0.5,-0.5 L 3.5,-0.5", shapes[1].GetProperty("path").GetString());
    }

    [Fact]
    public void Overlay_WithAnRoiOutsideTheImage_FailsLikeMeasurementDoes()
    {
        var outside = new CircleRoi("off", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(1, 1), 5);
        Assert.Throws<RoiException>(() => RoiOverlayImage.ToPng(Ramp(), [outside]));
        Assert.Throws<RoiException>(() => RoiOverlayFigure.Create(Ramp(), [outside]));
    }
}
