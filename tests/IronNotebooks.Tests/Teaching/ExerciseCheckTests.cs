using IronNotebooks.Display;
using IronNotebooks.Roi;
using IronNotebooks.Simulation;
using IronNotebooks.Teaching;
using Xunit;

namespace IronNotebooks.Tests.Teaching;

public class ExerciseCheckTests
{
    [Theory]
    [InlineData(0.52, ExerciseStatus.Correct)]
    [InlineData(0.53, ExerciseStatus.Correct)]     // on the tolerance edge, as printed
    [InlineData(0.54, ExerciseStatus.Incorrect)]
    [InlineData(double.NaN, ExerciseStatus.NotAnswered)]
    public void Number_AnswerAgainstTolerance_IsJudgedAsExpected(double answer, ExerciseStatus expected)
    {
        var r = ExerciseCheck.Number("Exercise 1", answer, 0.52, 0.01, "", "hint", "explanation");
        Assert.Equal(expected, r.Status);
        Assert.Equal(expected == ExerciseStatus.Correct ? "explanation" : "hint", r.Feedback);
    }

    [Fact]
    public void Number_NullAnswer_IsNotAnsweredAndShowsTheHint()
    {
        var r = ExerciseCheck.Number("Exercise 1", null, 80, 1, "µmol/g", "Use the biopsy classes.", "Right.");
        Assert.Equal(ExerciseStatus.NotAnswered, r.Status);
        Assert.Equal("–", r.Answer);
        Assert.Contains("not answered yet", ResultDisplay.ToPlainText(r));
    }

    [Fact]
    public void Number_NegativeTolerance_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ExerciseCheck.Number("x", 1, 1, -0.1, "", "h", "e"));

    [Theory]
    [InlineData("  Hernando-3T ", ExerciseStatus.Correct)]
    [InlineData("wood2005", ExerciseStatus.Incorrect)]
    [InlineData("", ExerciseStatus.NotAnswered)]
    [InlineData(null, ExerciseStatus.NotAnswered)]
    public void Choice_ComparesIgnoringCaseAndSpaces(string? answer, ExerciseStatus expected)
    {
        var r = ExerciseCheck.Choice("Exercise 3", answer, "hernando-3t", ["wood2005", "hernando-3t"], "Look at the field.", "3 T needs a 3 T calibration.");
        Assert.Equal(expected, r.Status);
    }

    [Fact]
    public void Choice_AnswerOutsideTheOptions_ListsTheOptionsInTheHint()
    {
        var r = ExerciseCheck.Choice("Exercise 3", "wood", "hernando-3t", ["wood2005", "hernando-3t"], "Look at the field.", "ok");
        Assert.Equal(ExerciseStatus.Incorrect, r.Status);
        Assert.Contains("wood2005, hernando-3t", r.Feedback);
    }

    [Fact]
    public void Choice_ExpectedNotAmongOptions_IsRefused() =>
        Assert.Throws<ArgumentException>(() => ExerciseCheck.Choice("x", "a", "c", ["a", "b"], "h", "e"));

    [Fact]
    public void Display_WrongAnswer_ShowsTheHintButNotTheExpectedValue()
    {
        var r = ExerciseCheck.Number("Exercise <2>", 0.7, 0.52, 0.01, "", "Divide liver & muscle means.", "secret explanation");
        string html = ResultDisplay.ToHtml(r);
        Assert.Contains("data-status=\"incorrect\"", html);
        Assert.Contains("Exercise &lt;2&gt;", html);
        Assert.Contains("Divide liver &amp; muscle means.", html);
        Assert.DoesNotContain("0.52", html);
        Assert.DoesNotContain("secret", html);
    }

    [Fact]
    public void Display_RightAnswer_ShowsCorrectWithTheExpectedValueAndExplanation()
    {
        var r = ExerciseCheck.Number("Exercise 2", 0.52, 0.52, 0.01, "", "hint", "L/M below 0.88 detects LIC > 60 µmol/g.");
        string html = ResultDisplay.ToHtml(r);
        Assert.Contains("data-status=\"correct\"", html);
        Assert.Contains("expected 0.52 ± 0.01", html);
        Assert.Contains("L/M below 0.88", html);
    }

    private static readonly VirtualAnatomy Anatomy = VirtualAnatomy.Abdomen(new AnatomyOptions(MatrixSize: 128));

    private static RoiShape Circle(string name, double x, double y, double r) => new CircleRoi(name, RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(x, y), r);

    [Fact]
    public void RoisInTissue_TheSimulatorsOwnLiverRois_AreCorrect()
    {
        var truth = Anatomy.Rois.Rois.Where(r => r.Role == RoiRole.Liver).ToList();
        var r = ExerciseCheck.RoisInTissue("Exercise 1", truth, Anatomy, Tissue.Liver, 3, "hint", "ok");
        Assert.Equal(ExerciseStatus.Correct, r.Status);
    }

    [Fact]
    public void RoisInTissue_AnRoiOverTheSpleen_NamesTheRoiAndTheTissueItTouches()
    {
        var truth = Anatomy.Rois.Rois.Where(r => r.Role == RoiRole.Liver).Take(2).ToList();
        var spleen = Anatomy.Rois.Rois.Single(r => r.Role == RoiRole.Spleen);
        var onSpleen = Circle("my-liver-3", ((CircleRoi)spleen).Center.X, ((CircleRoi)spleen).Center.Y, 2);
        var r = ExerciseCheck.RoisInTissue("Exercise 1", [.. truth, onSpleen], Anatomy, Tissue.Liver, 3, "Stay in the right lobe.", "ok");
        Assert.Equal(ExerciseStatus.Incorrect, r.Status);
        Assert.Contains("my-liver-3", r.Feedback);
        Assert.Contains("in Spleen", r.Feedback);
        Assert.EndsWith("Stay in the right lobe.", r.Feedback);
    }

    [Fact]
    public void RoisInTissue_TooFewOrOutsideTheImage_IsIncorrectWithTheReason()
    {
        var truth = Anatomy.Rois.Rois.Where(r => r.Role == RoiRole.Liver).Take(2).ToList();
        var r = ExerciseCheck.RoisInTissue("Exercise 1", [.. truth, Circle("off", 500, 500, 3)], Anatomy, Tissue.Liver, 3, "h", "ok");
        Assert.Equal(ExerciseStatus.Incorrect, r.Status);
        Assert.Contains("'off'", r.Feedback);
        Assert.Equal(ExerciseStatus.NotAnswered, ExerciseCheck.RoisInTissue("Exercise 1", [], Anatomy, Tissue.Liver, 3, "h", "ok").Status);
        Assert.Contains("2 ROIs drawn", ExerciseCheck.RoisInTissue("Exercise 1", truth, Anatomy, Tissue.Liver, 3, "h", "ok").Feedback);
    }
}
