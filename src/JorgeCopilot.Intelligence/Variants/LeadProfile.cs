using System.Globalization;
using System.Text.RegularExpressions;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// The few lead facts a template may show, reduced to shapes that cannot carry an instruction: a first name of
/// letters, an area that is a ZIP code or up to three capitalised words, an intent from a fixed list. Anything else
/// from the lead (names, CRM fields, messages) is untrusted text and never reaches a variant.
/// </summary>
public sealed partial record LeadProfile(string? FirstName, string? Area, LeadIntent Intent)
{
    private static readonly HashSet<string> Imperatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "ignore", "disregard", "instruction", "instructions", "system", "prompt", "reply", "send", "text", "free", "click",
        "call", "say", "write", "forget", "override", "assistant", "bot", "admin", "http", "https", "www",
    };

    public static LeadProfile From(string? displayName, bool nameIsGenerated, string? intent, string? area) =>
        new(nameIsGenerated ? null : CleanFirstName(displayName), CleanArea(area), ParseIntent(intent));

    public static string? CleanFirstName(string? displayName)
    {
        var first = displayName?.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (first is null || !Name().IsMatch(first) || Imperatives.Contains(first))
        {
            return null;
        }

        return char.ToUpperInvariant(first[0]) + first[1..].ToLower(CultureInfo.InvariantCulture);
    }

    public static string? CleanArea(string? area)
    {
        var value = area?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (Zip().IsMatch(value))
        {
            return value;
        }

        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return value.Length <= 25 && words.Length <= 3 && words.All(w => PlaceWord().IsMatch(w) && !Imperatives.Contains(w))
            ? string.Join(' ', words)
            : null;
    }

    public static LeadIntent ParseIntent(string? intent) => intent?.ToLowerInvariant() switch
    {
        null => LeadIntent.Unknown,
        var s when s.Contains("sell", StringComparison.Ordinal) || s.Contains("list", StringComparison.Ordinal) => LeadIntent.Seller,
        var s when s.Contains("buy", StringComparison.Ordinal) || s.Contains("purchase", StringComparison.Ordinal) => LeadIntent.Buyer,
        _ => LeadIntent.Unknown,
    };

    /// <summary>Placeholder values for the templates (every template placeholder must be one of these keys); the next step is a whole sentence.</summary>
    public IReadOnlyDictionary<string, string> Values(string goal, string agentName)
    {
        var where = Area is null ? "" : $" in {Area}";
        var topic = Intent switch
        {
            LeadIntent.Seller => $"selling your home{where}",
            LeadIntent.Buyer => $"your home search{where}",
            _ => Area is null ? "your next move" : $"your next move{where}",
        };
        var nextStep = goal switch
        {
            "appointment" => "Can we book a 15-minute call this week?",
            "conversion" => "Shall we meet and get the paperwork started?",
            _ => "Reply YES and I will send you the details.",
        };
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["first_name"] = FirstName ?? "Hi there",
            ["topic"] = topic,
            ["next_step"] = nextStep,
            ["agent_name"] = agentName,
        };
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z'\-]{0,19}$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex Zip();

    [GeneratedRegex(@"^[A-Z][A-Za-z'\-\.]{0,14}$")]
    private static partial Regex PlaceWord();
}

public enum LeadIntent
{
    Unknown,
    Seller,
    Buyer,
}
