using IronNotebooks.Plotting;
using IronNotebooks.Teaching;

namespace IronNotebooks.Display.Views;

internal sealed class ExerciseResultView : ResultView<ExerciseResult>
{
    public override DisplayDocument Describe(ExerciseResult e)
    {
        (string label, string colour) = e.Status switch
        {
            ExerciseStatus.Correct => ("correct", "#2a7d2a"),
            ExerciseStatus.Incorrect => ("not yet: hint", "#b36b00"),
            _ => ("not answered yet: hint", "#555555"),
        };
        string expected = e.IsCorrect ? $" (expected {e.Expected})" : "";
        string html = $"<div class=\"ironnb-exercise\" data-status=\"{e.Status.ToString().ToLowerInvariant()}\" "
            + $"style=\"font-family:sans-serif;padding:6px 10px;border-left:5px solid {colour}\">"
            + $"<b>{HtmlText.Escape(e.Exercise)}</b>: your answer {HtmlText.Escape(e.Answer)}{HtmlText.Escape(expected)} → "
            + $"<b style=\"color:{colour}\">{HtmlText.Escape(label)}</b><br/>{HtmlText.Escape(e.Feedback)}</div>";
        string plain = $"{e.Exercise}: your answer {e.Answer}{expected} → {label}. {e.Feedback}";
        return new DisplayDocument(e.Exercise, [new DisplayHtml(html, plain)], []);
    }

    public override bool Write(string mimeType, object value, TextWriter writer)
    {
        // One box, no title above it: the exercise label is inside.
        var block = (DisplayHtml)Describe((ExerciseResult)value).Blocks[0];
        switch (mimeType)
        {
            case "text/html": writer.Write(block.Html); return true;
            case "text/plain": writer.Write(block.PlainText); return true;
            default: return false;
        }
    }
}
