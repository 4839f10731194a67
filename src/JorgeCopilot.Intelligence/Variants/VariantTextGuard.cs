using System.Text.RegularExpressions;
using JorgeCopilot.Core.Sms;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// The checks an LLM-written variant must pass before it may reach a lead; any failure sends the templates' text
/// instead. The lead's message is untrusted: a model that followed instructions planted in it shows as a link, a
/// number, an address or an echo of the message's own wording, or as talk about prompts and rules.
/// </summary>
public static partial class VariantTextGuard
{
    /// <summary>Shortest run of the lead's own words that counts as echoing the message.</summary>
    public const int EchoWords = 5;

    private static readonly string[] MetaTalk =
    [
        "ignore", "instruction", "prompt", "as an ai", "language model", "assistant", "previous message", "rules", "system",
    ];

    /// <summary>Why <paramref name="text"/> may not be sent, or null when it may.</summary>
    public static string? Rejection(string strategy, string? draftStrategy, string? tone, string? text, string? leadMessage,
        IReadOnlyCollection<string> allowedStrategies, int maxSegments)
    {
        ArgumentNullException.ThrowIfNull(allowedStrategies);
        if (draftStrategy is null || !allowedStrategies.Contains(draftStrategy) || draftStrategy != strategy)
        {
            return "strategy";
        }

        if (string.IsNullOrWhiteSpace(tone) || !Tone().IsMatch(tone))
        {
            return "tone";
        }

        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 20)
        {
            return "empty";
        }

        if (SmsSegments.Count(text) > maxSegments)
        {
            return "length";
        }

        if (Placeholder().IsMatch(text))
        {
            return "placeholder";
        }

        if (Contact().IsMatch(text))
        {
            return "link_or_number";
        }

        var lower = text.ToLowerInvariant();
        if (MetaTalk.Any(m => lower.Contains(m, StringComparison.Ordinal)))
        {
            return "meta";
        }

        return Echoes(text, leadMessage) ? "echo" : null;
    }

    /// <summary>True when the text repeats <see cref="EchoWords"/> consecutive words of the lead's message.</summary>
    public static bool Echoes(string text, string? leadMessage)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(leadMessage))
        {
            return false;
        }

        var source = Words(leadMessage);
        if (source.Count < EchoWords)
        {
            return false;
        }

        var shingles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + EchoWords <= source.Count; i++)
        {
            shingles.Add(string.Join(' ', source.Skip(i).Take(EchoWords)));
        }

        var target = Words(text);
        for (var i = 0; i + EchoWords <= target.Count; i++)
        {
            if (shingles.Contains(string.Join(' ', target.Skip(i).Take(EchoWords))))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Words(string text) => WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();

    [GeneratedRegex(@"\{|\}|\[[^\]]{1,30}\]|<[^>]{1,30}>|\bTODO\b|\bINSERT\b", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();

    // Links, bare domains, e-mail addresses, and phone-like or long digit runs: a variant never needs any of them.
    [GeneratedRegex(@"https?:|www\.|\b[\w-]+\.(com|net|org|io|ly|co|biz|info|xyz|me|app|link)\b|@|\d[\d\s().-]{6,}\d", RegexOptions.IgnoreCase)]
    private static partial Regex Contact();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z \-]{0,23}$")]
    private static partial Regex Tone();

    [GeneratedRegex(@"[a-z0-9']+")]
    private static partial Regex WordPattern();
}
