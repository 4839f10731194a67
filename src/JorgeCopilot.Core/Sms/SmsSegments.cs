namespace JorgeCopilot.Core.Sms;

/// <summary>
/// SMS length rules (3GPP TS 23.038/23.040): GSM-7 text fits 160 septets in one message, 153 per part when
/// concatenated, and extension-table characters (€ [ ] { } etc.) take two septets; anything else forces UCS-2:
/// 70 characters alone, 67 per part (UTF-16 code units, so an emoji costs two).
/// </summary>
public static class SmsSegments
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    public static bool IsGsm7(string text) => text.All(c => Basic.Contains(c, StringComparison.Ordinal) || Extension.Contains(c, StringComparison.Ordinal));

    /// <summary>Length in the units segments are counted in: septets for GSM-7, UTF-16 code units for UCS-2.</summary>
    public static int Units(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsGsm7(text) ? text.Sum(c => Extension.Contains(c, StringComparison.Ordinal) ? 2 : 1) : text.Length;
    }

    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var gsm = IsGsm7(text);
        var units = Units(text);
        var (single, part) = gsm ? (160, 153) : (70, 67);
        return units == 0 ? 1 : units <= single ? 1 : (int)Math.Ceiling(units / (double)part);
    }

    /// <summary>Most characters that would force UCS-2 in our answers have a GSM-7 lookalike; use it, so three parts hold 459 characters instead of 201.</summary>
    public static string ToGsmFriendly(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201c', '"').Replace('\u201d', '"')
            .Replace("\u2013", "-", StringComparison.Ordinal).Replace("\u2014", "-", StringComparison.Ordinal)
            .Replace("\u2026", "...", StringComparison.Ordinal).Replace('\u00a0', ' ').Replace("\u2022", "-", StringComparison.Ordinal)
            .Replace('\u00b7', '-').Replace('\u2212', '-');
    }

    /// <summary>Cuts <paramref name="text"/> at a word boundary so it fits in <paramref name="maxSegments"/> parts, marking the cut with "...".</summary>
    public static string Fit(string text, int maxSegments)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Count(text) <= maxSegments)
        {
            return text;
        }

        var gsm = IsGsm7(text);
        var budget = maxSegments == 1 ? (gsm ? 160 : 70) : (gsm ? 153 : 67) * maxSegments;
        const string Ellipsis = "...";
        var cut = text;
        while (cut.Length > 0 && Units(cut) + Ellipsis.Length > budget)
        {
            var space = cut.LastIndexOfAny([' ', '\n'], Math.Max(0, cut.Length - 2));
            cut = space > budget / 2 ? cut[..space] : cut[..^1];
        }

        // Never leave half a surrogate pair behind.
        if (cut.Length > 0 && char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        return cut.TrimEnd(' ', '\n', ',', ';', ':') + Ellipsis;
    }
}
