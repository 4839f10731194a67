using System.Text;

namespace JorgeCopilot.Agent.Rendering;

/// <summary>
/// Web rendering (the chat API and the Bot Framework's non-Teams channels): the headline, facts as a list, the table
/// under its caption, the chart as an embedded PNG, the sources. Text is escaped with backslashes (CommonMark shows
/// <c>\&lt;file\&gt;</c> as <c>&lt;file&gt;</c>, where an HTML entity would show literally inside code and in plain
/// clients), so a lead's stored text cannot inject links, HTML or formatting.
/// </summary>
public sealed class MarkdownAnswerRenderer : IAnswerRenderer
{
    public string Format => "markdown";

    public string Render(StructuredAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var sb = new StringBuilder();
        sb.Append(EscapeKeepingLists(answer.Text));
        if (answer.Facts.Count > 0)
        {
            sb.Append("\n\n");
            foreach (var fact in answer.Facts)
            {
                sb.Append("- **").Append(Escape(fact.Label)).Append(":** ").Append(Escape(fact.Value)).Append('\n');
            }
        }

        if (answer.Table is { Rows.Count: > 0 } table)
        {
            if (answer.TableTitle is { Length: > 0 } caption)
            {
                sb.Append("\n\n**").Append(Escape(caption)).Append("**");
            }

            sb.Append("\n\n| ").Append(string.Join(" | ", table.Columns.Select(Escape))).Append(" |\n|");
            sb.Append(string.Concat(Enumerable.Repeat(" --- |", table.Columns.Count))).Append('\n');
            foreach (var row in table.Rows)
            {
                sb.Append("| ").Append(string.Join(" | ", row.Select(Escape))).Append(" |\n");
            }
        }

        if (answer.Chart is { } chart)
        {
            sb.Append("\n\n![").Append(Escape(chart.Title)).Append("](").Append(ChartImage.DataUri(chart)).Append(')');
        }

        var sources = answer.Facts.Select(f => f.SourceTool).Concat(answer.Table is null ? [] : [answer.Table.SourceTool]).Distinct().ToList();
        if (sources.Count > 0)
        {
            sb.Append("\n_Source: ").Append(Escape(string.Join(", ", sources))).Append("_\n");
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>Backslash-escapes Markdown metacharacters and angle brackets.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '<' or '>':
                    sb.Append('\\').Append(c);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        // A leading '#' would turn a value into a heading.
        return sb.Length > 0 && sb[0] == '#' ? "\\" + sb : sb.ToString();
    }

    // Our own templates use "- " bullets; keep those, escape the rest.
    private static string EscapeKeepingLists(string text) =>
        string.Join('\n', text.Split('\n').Select(line => line.StartsWith("- ", StringComparison.Ordinal) ? "- " + Escape(line[2..]) : Escape(line)));
}
