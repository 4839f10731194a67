namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// Which corpus annotations count as which of our strategies (Persuasion For Good persuader strategies, CaSiNo
/// negotiation strategies). Urgency has no label of its own in either corpus: foot-in-the-door (a small ask now) is the
/// closest and is the only one used.
/// </summary>
public static class StrategyLabels
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ByStrategy = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [Strategies.Direct] = ["proposition-of-donation", "ask-donation-amount", "ask-donate-more", "self-need", "uv-part"],
        [Strategies.Empathetic] = ["emotion-appeal", "personal-story", "showing-empathy", "other-need", "promote-coordination"],
        [Strategies.SocialProof] = ["credibility-appeal", "self-modeling", "vouch-fair"],
        [Strategies.Urgency] = ["foot-in-the-door"],
        [Strategies.Information] = ["donation-information", "logical-appeal"],
        [Strategies.QuestionLed] = ["task-related-inquiry", "personal-related-inquiry", "source-related-inquiry", "elicit-pref"],
    };

    public static string? StrategyOf(string label) =>
        ByStrategy.FirstOrDefault(kv => kv.Value.Contains(label, StringComparer.Ordinal)).Key;
}
