using System.CommandLine;
using System.Globalization;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.Cli;

/// <summary>The `ironnb roi` verbs.</summary>
public static class RoiCommands
{
    /// <summary>JSON shape of one echo's statistics (architecture contract of `roi stats`).</summary>
    public sealed record EchoStatistics(double? EchoTimeMs, double Mean, double Sd, double Median, double Min, double Max, int Pixels, double AreaMm2)
    {
        /// <summary>The slice measured: the --slice index (DICOM position order, NIfTI voxel index k).</summary>
        public int Slice { get; init; }

        /// <summary>Its position along the plane normal, mm.</summary>
        public double SliceLocationMm { get; init; }

        /// <summary>The file and frame (DICOM) or file and k (NIfTI) of this echo's plane.</summary>
        public string SliceSource { get; init; } = "";
    }

    /// <summary>Builds `roi stats`.</summary>
    public static Command Build(TextWriter output)
    {
        var roi = new Command("roi", "Measure regions of interest, propose them, and exchange them as DICOM.");
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "A folder of DICOM files, or of NIfTI files with BIDS JSON sidecars." };
        var spec = new Option<string>("--roi")
        {
            Description = "The ROI in pixel coordinates (X = column / NIfTI i, Y = row / NIfTI j, zero-based, integers at pixel centres): "
                + "circle:CX,CY,R | ellipse:CX,CY,RX,RY[,ANGLE_DEG] | rect:X0,Y0,X1,Y1 (both corners included: rect:0,0,9,9 is 10×10 pixels) "
                + "| polygon:X1,Y1,X2,Y2,X3,Y3,… A pixel is inside when its centre is.",
            Required = true,
        };
        var slice = new Option<int>("--slice") { Description = "Zero-based slice index, slices ordered along the plane normal (default 0).", DefaultValueFactory = _ => 0 };
        var series = new Option<string?>("--series") { Description = "DICOM: the series number; NIfTI: a file-name prefix. Needed when the folder holds several multi-echo series." };
        var json = new Option<bool>("--json") { Description = "Print JSON: an array with one object per echo, in echo order." };
        var stats = new Command("stats", "Mean, SD, median, min, max, pixel count and area of one ROI on every echo of one slice.") { dir, spec, slice, series, json };
        stats.SetAction(parse => Stats(parse.GetValue(dir)!, parse.GetValue(spec)!, parse.GetValue(slice), parse.GetValue(series), parse.GetValue(json), output));
        roi.Subcommands.Add(stats);
        roi.Subcommands.Add(RoiEditCommand.Build(output));
        roi.Subcommands.Add(RoiProposeCommand.Build(output));
        roi.Subcommands.Add(RoiExportCommand.Build(output));
        roi.Subcommands.Add(RoiImportCommand.Build(output));
        return roi;
    }

    private static int Stats(DirectoryInfo dir, string spec, int sliceIndex, string? series, bool json, TextWriter output)
    {
        if (!dir.Exists) throw new DirectoryNotFoundException($"Folder '{dir.FullName}' does not exist.");
        var shape = ParseSpec(spec);
        var loaded = MultiEchoFolder.Load(dir.FullName, series);
        if (sliceIndex < 0 || sliceIndex >= loaded.SliceCount)
            throw new BadInputException($"--slice {sliceIndex} is outside 0…{loaded.SliceCount - 1} ({loaded.SliceCount} slices in '{loaded.Description}').", "--slice");
        var slice = loaded.SliceAt(sliceIndex);
        var results = RoiMeasurement.MeasureEchoes(slice, shape)
            .Select((r, e) => new EchoStatistics(r.EchoTimeMs, r.Mean, r.Sd, r.Median, r.Min, r.Max, r.PixelCount, r.AreaMm2)
                { Slice = slice.Index, SliceLocationMm = Math.Round(slice.SliceLocationMm, 3), SliceSource = slice.Echoes[e].Source }).ToList();
        if (json)
        {
            output.WriteLine(CliJson.Serialize(results));
            return ExitCodes.Success;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{loaded.Description}: slice {sliceIndex} of {loaded.SliceCount} at {slice.SliceLocationMm:F2} mm ({slice.Echoes[0].Source}), ROI {spec}"));
        output.WriteLine($"{"TE ms",8} {"mean",10} {"sd",10} {"median",10} {"min",10} {"max",10} {"pixels",7} {"area mm²",10}");
        foreach (var r in results)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.EchoTimeMs,8:0.###} {r.Mean,10:0.###} {r.Sd,10:0.###} {r.Median,10:0.###} {r.Min,10:0.###} {r.Max,10:0.###} {r.Pixels,7} {r.AreaMm2,10:0.##}"));
        foreach (var w in loaded.Warnings) output.WriteLine($"warning: {w}");
        return ExitCodes.Success;
    }

    /// <summary>Parses an ROI specification of the command line into a pixel-space ROI.</summary>
    /// <exception cref="BadInputException">Unknown shape, wrong number of values, or a value that is not a number.</exception>
    public static RoiShape ParseSpec(string spec)
    {
        int colon = spec.IndexOf(':');
        if (colon < 0) throw new BadInputException($"--roi '{spec}' needs a shape and values, e.g. circle:64,64,5.");
        var kind = spec[..colon].Trim().ToLowerInvariant();
        var values = spec[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries).Select(v =>
            double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
                ? d : throw new BadInputException($"--roi '{spec}': '{v}' is not a number.")).ToArray();
        void Count(params int[] allowed)
        {
            if (!allowed.Contains(values.Length))
                throw new BadInputException($"--roi '{spec}': {kind} takes {string.Join(" or ", allowed)} values, got {values.Length}.");
        }
        switch (kind)
        {
            case "circle":
                Count(3);
                return new CircleRoi(spec, RoiRole.Other, RoiSpace.Pixel, new RoiPoint(values[0], values[1]), values[2]);
            case "ellipse":
                Count(4, 5);
                return new EllipseRoi(spec, RoiRole.Other, RoiSpace.Pixel, new RoiPoint(values[0], values[1]), values[2], values[3], values.Length == 5 ? values[4] : 0);
            case "rect":
                Count(4);
                return new RectangleRoi(spec, RoiRole.Other, RoiSpace.Pixel, new RoiPoint(values[0], values[1]), new RoiPoint(values[2], values[3]));
            case "polygon":
                if (values.Length < 6 || values.Length % 2 == 1)
                    throw new BadInputException($"--roi '{spec}': polygon takes an even number of values, at least 6 (three vertices), got {values.Length}.");
                return new PolygonRoi(spec, RoiRole.Other, RoiSpace.Pixel, [.. values.Chunk(2).Select(p => new RoiPoint(p[0], p[1]))]);
            default:
                throw new BadInputException($"--roi '{spec}': unknown shape '{kind}'; use circle, ellipse, rect or polygon.");
        }
    }
}
