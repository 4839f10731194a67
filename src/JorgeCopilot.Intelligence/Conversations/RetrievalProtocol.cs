using JorgeCopilot.Core.Conversations;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// What retrieval is judged on in one labelled corpus, shared by the eval and by <see cref="RankingTuner"/>: the label
/// a turn must share with the query turn to count as relevant, and the binary outcome neighbours vote on (a rule fitted
/// on the index side only, e.g. CaSiNo's training median of joint points).
/// </summary>
public sealed record RetrievalProtocol(string Corpus, Func<ConversationTurn, string?> TurnLabel,
    Func<IReadOnlyList<Conversation>, Func<Conversation, bool>> OutcomeRule, string OutcomeText)
{
    /// <summary>The persuasion strategies of Wang et al. (2019); the other labels are dialogue acts.</summary>
    private static readonly HashSet<string> PersuasionStrategies = new(
    [
        "logical-appeal", "emotion-appeal", "credibility-appeal", "foot-in-the-door", "self-modeling", "personal-story",
        "donation-information", "source-related-inquiry", "task-related-inquiry", "personal-related-inquiry",
    ], StringComparer.Ordinal);

    /// <summary>Persuader turns carrying one of the ten strategies; outcome: the persuadee donated.</summary>
    public static readonly RetrievalProtocol PersuasionForGood = new(CorpusFiles.PersuasionForGood,
        t => t.SpeakerRole == "persuader" ? t.Labels.FirstOrDefault(PersuasionStrategies.Contains) : null,
        _ => c => c.Succeeded == true, "donated (> $0)");

    /// <summary>Turns with a strategy other than "non-strategic"; outcome: joint points at or above the index side's median (98% of dialogues end in a deal).</summary>
    public static readonly RetrievalProtocol Casino = new(CorpusFiles.Casino,
        t => t.Labels.FirstOrDefault(l => l != "non-strategic"),
        index =>
        {
            var median = Median(index.Select(c => c.OutcomeValue ?? 0).ToList());
            return c => (c.OutcomeValue ?? 0) >= median;
        }, "joint points at or above the training median");

    /// <summary>The label of a turn when it can be a query or a relevant item (labelled and not empty).</summary>
    public string? LabelOf(ConversationTurn turn) =>
        TurnLabel(turn) is { } label && TextTokens.Words(turn.Text).Count > 0 ? label : null;

    /// <summary>What an outcome query sees of a dialogue: its first half.</summary>
    public static string FirstHalf(Conversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var half = conversation.Turns.OrderBy(t => t.Index).Take(Math.Max(1, conversation.Turns.Count / 2)).ToList();
        return ConversationDocuments.ConversationText(half);
    }

    /// <summary>The text the index model is fitted on, as the app's indexer fits it: the conversations and their turns.</summary>
    public static List<string> FitTexts(IReadOnlyList<Conversation> index, IReadOnlyList<ConversationVector> documents) =>
        documents.Select(d => d.Text).Concat(index.SelectMany(c => c.Turns).Select(t => t.Text)).ToList();

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count == 0 ? 0 : values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }
}
