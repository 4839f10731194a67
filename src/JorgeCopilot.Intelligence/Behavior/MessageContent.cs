using System.Text.RegularExpressions;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>
/// Coarse content types of an outbound message read from its text: rules anyone can check, because the store holds no
/// labelled content. A message can have several types.
/// </summary>
public static partial class MessageContent
{
    public const int ShortLength = 160;

    public static IReadOnlyList<string> Types(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var types = new List<string> { text.Length <= ShortLength ? "short (one SMS)" : "long" };
        if (LinkPattern().IsMatch(text))
        {
            types.Add("link or listing");
        }

        if (text.Contains('?', StringComparison.Ordinal))
        {
            types.Add("question");
        }

        if (FigurePattern().IsMatch(text))
        {
            types.Add("price or figures");
        }

        return types;
    }

    [GeneratedRegex(@"https?://|www\.", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\$\s?\d|\d+(\.\d+)?\s?(k|%|percent)\b|\d{3,}", RegexOptions.IgnoreCase)]
    private static partial Regex FigurePattern();
}
