namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// SMS parts for variant text. Templates and the cleaned lead facts are plain ASCII without GSM-7 extension
/// characters, so one character is one septet: 160 in a single message, 153 per part when concatenated; any other
/// character counts as UCS-2 (70 / 67), which the generator then rejects as too long for its budget more easily.
/// </summary>
public static class SmsBudget
{
    public static int Segments(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = text.All(c => c is >= ' ' and <= '~' && c is not ('[' or ']' or '{' or '}' or '\\' or '^' or '~' or '|' or '`'));
        var (single, part) = plain ? (160, 153) : (70, 67);
        return text.Length <= single ? 1 : (int)Math.Ceiling(text.Length / (double)part);
    }
}
