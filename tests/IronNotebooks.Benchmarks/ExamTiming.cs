using System.Diagnostics;
using System.Globalization;
using IronNotebooks.Exams;

namespace IronNotebooks.Benchmarks;

/// <summary>
/// In-process cost of `exam measure` on one exam folder, for the side-by-side script exam_side_by_side.py (which times
/// Debian's pydicom reading the same files in the same run): one warm-up, then <c>repeats</c> timed measurements; prints
/// the median and min in ms as one JSON line.
/// </summary>
internal static class ExamTiming
{
    public static int Run(string folder, int repeats)
    {
        ExamMeasurement.Measure(folder);   // warm-up: JIT, file cache
        var times = new List<double>();
        int rows = 0;
        for (int i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            rows = ExamMeasurement.Measure(folder).Rows.Count;
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"folder\":\"{folder}\",\"repeats\":{repeats},\"rows\":{rows},\"medianMs\":{times[times.Count / 2]:0.###},\"minMs\":{times[0]:0.###}}}"));
        return 0;
    }
}
