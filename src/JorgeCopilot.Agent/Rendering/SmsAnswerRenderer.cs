using System.Text;

namespace JorgeCopilot.Agent.Rendering;

/// <summary>Plain text within three SMS parts: headline, key facts, then the first rows of a table, cut at a word boundary.</summary>
public sealed class SmsAnswerRenderer : IAnswerRenderer
{
    public const int MaxSegments = 3;

    public string Format => "sms";

    public string Render(StructuredAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var sb = new StringBuilder(answer.Text.Replace("\n- ", "\n", StringComparison.Ordinal).ReplaceLineEndings(" ").Trim());
        foreach (var fact in answer.Facts)
        {
            sb.Append(sb.Length > 0 ? " | " : "").Append(fact.Label).Append(": ").Append(fact.Value);
        }

        if (answer.Table is { Rows.Count: > 0 } table)
        {
            var index = 0;
            foreach (var row in table.Rows)
            {
                index++;
                sb.Append(index == 1 ? (sb.Length > 0 ? " | " : "") : "; ").Append(string.Join(" ", row.Where(c => c.Length > 0)));
            }
        }

        // Every character costs on SMS: blank lines and runs of spaces collapse to one space.
        var text = string.Join(' ', SmsSegments.ToGsmFriendly(sb.ToString()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return SmsSegments.Fit(text, MaxSegments);
    }
}
