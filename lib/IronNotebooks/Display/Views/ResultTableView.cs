namespace IronNotebooks.Display.Views;

internal sealed class ResultTableView : ResultView<ResultTable>
{
    public override DisplayDocument Describe(ResultTable t) =>
        new(t.Title, [new DisplayTable(null, t.Headers, t.Rows)], t.Notes);
}
