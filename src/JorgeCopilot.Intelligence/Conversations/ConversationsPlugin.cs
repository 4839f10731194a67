using System.ComponentModel;
using JorgeCopilot.Intelligence.Capabilities;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>Kernel plugin <c>Conversations</c>: find past conversations that were won and resemble a situation. Failures come back as a message.</summary>
public sealed class ConversationsPlugin(IConversationSearch search)
{
    [KernelFunction("find_winning_conversations")]
    [Description("Past conversations (or single objection turns with the reply that followed) most similar to a situation, with outcome, strategy labels, similarity and an excerpt. Defaults to conversations that were won.")]
    [Answer("conversations", Title = "Conversations that were won", TableTitle = "Closest matches")]
    public async Task<object> FindWinningConversationsAsync(
        [Description("The situation, objection or message to match, in plain words.")] string query,
        [Description("Only this corpus: persuasion-for-good, casino, or one of your own imports. Empty for all.")] string? corpus = null,
        [Description("Only conversations using this strategy label, e.g. credibility-appeal, emotion-appeal, self-need. Empty for any.")] string? strategy = null,
        [Description("won, lost, unknown or any.")] string outcome = Outcomes.Won,
        [Description("conversation (whole dialogues) or turn (an objection with the reply that won).")] string kind = ConversationKinds.Conversation,
        [Description("How many results (1-20).")] int top = 5,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return new ConversationsMessage("Say what situation or objection to look for.");
        }

        if (top is < 1 or > ConversationsEndpoints.MaxTop)
        {
            return new ConversationsMessage($"top must be between 1 and {ConversationsEndpoints.MaxTop}.");
        }

        if (ConversationsEndpoints.Filter(corpus, outcome, strategy, null, kind) is not { } filter)
        {
            return new ConversationsMessage("outcome must be won, lost, unknown or any, and kind conversation or turn.");
        }

        var result = await search.SearchAsync(new ConversationQuery(query, filter, top), cancellationToken);
        if (result.Hits.Count == 0)
        {
            return new ConversationsMessage(result.EmbeddingVersion == "none"
                ? "No conversations are indexed yet: import or seed conversations first (`jorge seed`)."
                : "No matching conversations under those filters.");
        }

        return new WinningConversations(result.Hits.Select(h => new WinningConversationItem(h.Corpus, h.ExternalId, h.Kind, h.Outcome, h.OutcomeValue,
            h.Strategies.Take(6).ToList(), Math.Round(h.VectorScore, 3), Excerpt(h.Text), h.Response is null ? null : Excerpt(h.Response))).ToList(),
            result.EmbeddingVersion);
    }

    internal static string Excerpt(string text, int length = 240)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= length ? flat : string.Concat(flat.AsSpan(0, length - 1), "…");
    }
}

public sealed record ConversationsMessage(string Message);

public sealed record WinningConversations(IReadOnlyList<WinningConversationItem> Conversations, string EmbeddingVersion);

public sealed record WinningConversationItem(string Corpus, string ConversationId, string Kind, string Outcome, double? OutcomeValue,
    IReadOnlyList<string> Strategies, double Similarity, string Excerpt, string? Reply);
