using System.Text;

namespace JorgeCopilot.Agent.Rendering;

/// <summary>
/// Terminal rendering (<c>jorge ask</c>, <c>jorge chat</c>): no Markdown, so nothing needs escaping; facts as
/// "Label: value" lines, the table in aligned columns under its caption, the chart named (the CLI can save its PNG).
/// </summary>
public sealed class PlainTextAnswerRenderer : IAnswerRenderer
{
    public const string FormatName = "text";

    public string Format => FormatName;

    public string Render(StructuredAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var sb = new StringBuilder(SmsAnswerRenderer.PlainText(answer.Text));
        if (answer.Facts.Count > 0)
        {
            sb.Append("\n\n");
            var width = answer.Facts.Max(f => f.Label.Length);
            foreach (var fact in answer.Facts)
            {
                sb.Append(fact.Label.PadRight(width)).Append("  ").Append(fact.Value).Append('\n');
            }
        }

        if (answer.Table is { Rows.Count: > 0 } table)
        {
            sb.Append('\n');
            if (answer.TableTitle is { Length: > 0 } caption)
            {
                sb.Append(caption).Append('\n');
            }

            var widths = table.Columns.Select((c, i) => Math.Max(c.Length, table.Rows.Max(r => i < r.Count ? r[i].Length : 0))).ToList();
            sb.Append(Row(table.Columns, widths)).Append('\n');
            sb.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
            foreach (var row in table.Rows)
            {
                sb.Append(Row(row, widths)).Append('\n');
            }
        }

        if (answer.Chart is { } chart)
        {
            sb.Append("\nChart: ").Append(chart.Title).Append(" (").Append(chart.X.Count).Append(" points)\n");
        }

        return sb.ToString().TrimEnd();
    }

    private static string Row(IReadOnlyList<string> cells, List<int> widths) =>
        string.Join("  ", widths.Select((w, i) => (i < cells.Count ? cells[i] : "").PadRight(w))).TrimEnd();
}
