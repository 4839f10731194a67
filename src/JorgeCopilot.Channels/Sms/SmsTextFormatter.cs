using System.Text;
using System.Text.RegularExpressions;
using JorgeCopilot.Agent.Rendering;

namespace JorgeCopilot.Channels.Sms;

/// <summary>
/// Plain text for SMS: no Markdown, links cut to host and path, facts as "Label: value" lines, the top table rows,
/// and the whole message cut at a word boundary to fit <c>maxSegments</c> segments (GSM-7 when every character
/// allows it, otherwise UCS-2 — one emoji would otherwise silently triple the bill).
/// </summary>
public static partial class SmsTextFormatter
{
    private const string Ellipsis = "...";

    public static string Format(StructuredAnswer answer, int maxSegments = 3)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var lines = new List<string> { PlainText(answer.Text) };
        lines.AddRange(answer.Facts.Select(f => $"{PlainText(f.Label)}: {PlainText(f.Value)}"));
        if (answer.Table is { Rows.Count: > 0 } table)
        {
            var rank = 1;
            foreach (var row in table.Rows.Take(5))
            {
                lines.Add($"{rank++}. {string.Join(", ", row.Select(PlainText).Where(c => c.Length > 0))}");
            }
        }

        return Fit(string.Join("\n", lines.Where(l => l.Length > 0)), maxSegments);
    }

    /// <summary>Markdown and HTML removed, links shortened, typographic characters mapped to their GSM-7 equivalents.</summary>
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
        text = text.Replace("`", "", StringComparison.Ordinal);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\u2018' or '\u2019' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u2013' or '\u2014' or '\u2212' => '-',
                '\u2022' => '-',
                '\u00A0' => ' ',
                _ => c,
            });
        }

        text = builder.ToString().Replace("\u2026", Ellipsis, StringComparison.Ordinal);
        return BlankLines().Replace(text, "\n").Trim();
    }

    /// <summary>"https://www.zillow.com/homedetails/123?utm=x#top" → "zillow.com/homedetails/123".</summary>
    public static string ShortenLink(string url)
    {
        if (!Uri.TryCreate(url.TrimEnd('.', ',', ')'), UriKind.Absolute, out var uri))
        {
            return url;
        }

        var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        return (host + uri.AbsolutePath).TrimEnd('/');
    }

    public static bool IsGsm7(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.All(c => GsmBasic.Contains(c, StringComparison.Ordinal) || GsmExtended.Contains(c, StringComparison.Ordinal));
    }

    /// <summary>Segments the message costs: 160/153 GSM-7 septets (extension characters count twice) or 70/67 UCS-2 units.</summary>
    public static int Segments(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return 1;
        }

        if (IsGsm7(text))
        {
            var septets = text.Sum(c => GsmExtended.Contains(c, StringComparison.Ordinal) ? 2 : 1);
            return septets <= 160 ? 1 : (int)Math.Ceiling(septets / 153.0);
        }

        return text.Length <= 70 ? 1 : (int)Math.Ceiling(text.Length / 67.0);
    }

    /// <summary>Cuts the text at a word boundary, adding "...", until it fits the segment budget.</summary>
    public static string Fit(string text, int maxSegments)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Segments(text) <= maxSegments)
        {
            return text;
        }

        var gsm = IsGsm7(text);
        var budget = gsm ? 153 * maxSegments : 67 * maxSegments;
        var cut = Math.Min(text.Length, budget - Ellipsis.Length);
        while (cut > 0)
        {
            var candidate = text[..cut];
            var space = candidate.LastIndexOfAny([' ', '\n']);
            if (space > cut / 2)
            {
                candidate = candidate[..space];
            }

            candidate = candidate.TrimEnd() + Ellipsis;
            if (Segments(candidate) <= maxSegments)
            {
                return candidate;
            }

            cut -= 5;
        }

        return Ellipsis;
    }

    private const string GsmBasic =
        "@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r\u00C5\u00E5\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u00C6\u00E6\u00DF\u00C9 !\"#\u00A4%&'()*+,-./0123456789:;<=>?\u00A1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7\u00BFabcdefghijklmnopqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0";

    private const string GsmExtended = "^{}\\[~]|\u20AC\f";

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<url>https?://[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?<![\w(])https?://[^\s)]+")]
    private static partial Regex Url();

    [GeneratedRegex(@"<[^>\n]+>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s*", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*[*+]\s+", RegexOptions.Multiline)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"(\*\*|__|\*|_|~~)(?<inner>\S(?:.*?\S)?)\1")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\n\s*\n+")]
    private static partial Regex BlankLines();
}
