using System.Text.RegularExpressions;
using JorgeCopilot.Core.Sms;

namespace JorgeCopilot.Agent.Rendering;

/// <summary>
/// The one SMS rendering of an answer (the chat API's "sms" format and the SMS channels both use it): no Markdown,
/// links cut to host and path, the headline, facts as "Label: value" lines, the top five table rows numbered, and the
/// whole message cut at a word boundary to fit the segment budget (GSM-7 when every character allows it, see
/// <see cref="SmsSegments"/>; one emoji would otherwise switch the message to UCS-2 and triple the bill).
/// </summary>
public sealed partial class SmsAnswerRenderer : IAnswerRenderer
{
    public const int MaxSegments = 3;

    private const int MaxRows = 5;

    public string Format => "sms";

    public string Render(StructuredAnswer answer) => Render(answer, MaxSegments);

    public static string Render(StructuredAnswer answer, int maxSegments)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var lines = new List<string> { PlainText(answer.Text) };
        lines.AddRange(answer.Facts.Select(f => $"{PlainText(f.Label)}: {PlainText(f.Value)}"));
        if (answer.Table is { Rows.Count: > 0 } table)
        {
            var rank = 1;
            foreach (var row in table.Rows.Take(MaxRows))
            {
                lines.Add($"{rank++}. {string.Join(", ", row.Select(PlainText).Where(c => c.Length > 0))}");
            }
        }

        return SmsSegments.Fit(string.Join("\n", lines.Where(l => l.Length > 0)), maxSegments);
    }

    /// <summary>Markdown and HTML removed, links shortened, typographic characters mapped to their GSM-7 lookalikes.</summary>
    public static string PlainText(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return "";
        }

        var text = MarkdownLink().Replace(markdown, m => $"{m.Groups["text"].Value} ({ShortenLink(m.Groups["url"].Value)})");
        text = Url().Replace(text, m => ShortenLink(m.Value));
        text = HtmlTag().Replace(text, "");
        text = Heading().Replace(text, "");
        text = Bullet().Replace(text, "- ");
        text = Emphasis().Replace(text, m => m.Groups["inner"].Value);
        text = SmsSegments.ToGsmFriendly(text.Replace("`", "", StringComparison.Ordinal));
        return BlankLines().Replace(SpaceRuns().Replace(text, " "), "\n").Trim();
    }

    /// <summary>"https://www.zillow.com/homedetails/123?utm=x#top" → "zillow.com/homedetails/123".</summary>
    public static string ShortenLink(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url.TrimEnd('.', ',', ')'), UriKind.Absolute, out var uri))
        {
            return url;
        }

        var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        return (host + uri.AbsolutePath).TrimEnd('/');
    }

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<url>https?://[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?<![\w(])https?://[^\s)]+")]
    private static partial Regex Url();

    // Real HTML tags only: a placeholder such as "<file>" in a command is content and stays.
    [GeneratedRegex(@"</?(?:a|b|i|u|s|em|strong|br|p|div|span|code|pre|ul|ol|li|h[1-6]|img|table|tr|td|th|font|script|style)\b[^>\n]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s*", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*[*+]\s+", RegexOptions.Multiline)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"(\*\*|__|\*|_|~~)(?<inner>\S(?:.*?\S)?)\1")]
    private static partial Regex Emphasis();

    // Every character costs on SMS: runs of spaces and blank lines collapse.
    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex SpaceRuns();

    [GeneratedRegex(@"\n\s*\n+")]
    private static partial Regex BlankLines();
}
