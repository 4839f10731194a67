using System.Text;

namespace JorgeCopilot.Agent.Rendering;

/// <summary>Web and CLI rendering. Values are escaped: a lead's stored text cannot inject links, HTML or formatting.</summary>
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
            sb.Append("\n\n| ").Append(string.Join(" | ", table.Columns.Select(Escape))).Append(" |\n|");
            sb.Append(string.Concat(Enumerable.Repeat(" --- |", table.Columns.Count))).Append('\n');
            foreach (var row in table.Rows)
            {
                sb.Append("| ").Append(string.Join(" | ", row.Select(Escape))).Append(" |\n");
            }
        }

        var sources = answer.Facts.Select(f => f.SourceTool).Concat(answer.Table is null ? [] : [answer.Table.SourceTool]).Distinct().ToList();
        if (sources.Count > 0)
        {
            sb.Append("\n_Source: ").Append(Escape(string.Join(", ", sources))).Append("_\n");
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>Backslash-escapes Markdown metacharacters and HTML angle brackets.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|':
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
