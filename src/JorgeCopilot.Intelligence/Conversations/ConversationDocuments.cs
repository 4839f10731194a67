using System.Security.Cryptography;
using System.Text;
using JorgeCopilot.Core.Conversations;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// Turns stored conversations into index items: one per conversation (its whole text, every label, its outcome) and,
/// in conversations that were won, one per objection-side turn (persuadee, lead, client, customer) paired with the
/// reply that followed it, which is what "prepared responses" are drawn from.
/// </summary>
public static class ConversationDocuments
{
    private static readonly HashSet<string> ObjectingRoles = new(["persuadee", "lead", "client", "customer"], StringComparer.OrdinalIgnoreCase);
    private const int MinTurnWords = 4;
    private const int MaxTextLength = 8000;

    public static string ConversationKey(Conversation c) => $"{c.Corpus}/{c.ExternalId}";

    public static string ConversationText(IEnumerable<ConversationTurn> turns) =>
        Truncate(string.Join('\n', turns.OrderBy(t => t.Index).Select(t => t.Text)));

    public static IEnumerable<ConversationVector> For(Conversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var turns = conversation.Turns.OrderBy(t => t.Index).ToList();
        var outcome = Outcomes.Of(conversation.Succeeded);
        var channel = conversation.Attributes.GetValueOrDefault("channel") ?? "chat";
        var text = ConversationText(turns);
        var labels = turns.SelectMany(t => t.Labels).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        yield return new ConversationVector
        {
            Key = ConversationKey(conversation),
            Corpus = conversation.Corpus,
            Kind = ConversationKinds.Conversation,
            Outcome = outcome,
            Channel = channel,
            Strategies = labels,
            ConversationId = conversation.Id,
            ExternalId = conversation.ExternalId,
            OutcomeValue = conversation.OutcomeValue,
            Text = text,
            Fingerprint = Fingerprint(outcome, channel, labels, text),
        };

        if (conversation.Succeeded != true)
        {
            yield break;
        }

        for (var i = 0; i + 1 < turns.Count; i++)
        {
            var turn = turns[i];
            var reply = turns[i + 1];
            if (!ObjectingRoles.Contains(turn.SpeakerRole) || reply.SpeakerRole == turn.SpeakerRole
                || TextTokens.Words(turn.Text).Count < MinTurnWords)
            {
                continue;
            }

            var turnLabels = turn.Labels.Concat(reply.Labels).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            yield return new ConversationVector
            {
                Key = $"{ConversationKey(conversation)}#{turn.Index}",
                Corpus = conversation.Corpus,
                Kind = ConversationKinds.Turn,
                Outcome = outcome,
                Channel = channel,
                Strategies = turnLabels,
                ConversationId = conversation.Id,
                ExternalId = conversation.ExternalId,
                OutcomeValue = conversation.OutcomeValue,
                Text = turn.Text,
                Response = reply.Text,
                Fingerprint = Fingerprint(outcome, channel, turnLabels, turn.Text + "\n" + reply.Text),
            };
        }
    }

    private static string Fingerprint(string outcome, string channel, IEnumerable<string> labels, string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{outcome}|{channel}|{string.Join(',', labels)}|{text}")))[..16];

    private static string Truncate(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength];
}
