using JorgeCopilot.Core.Data;
using JorgeCopilot.Intelligence.Conversations;

namespace JorgeCopilot.Benchmarks;

/// <summary>
/// The whole bundled corpus as the app indexes it (Persuasion For Good + CaSiNo: every conversation plus the objection
/// turns of the won ones), embedded with an index fitted on it and the served ranking choice
/// (data/conversation-ranking.json), so every retrieval benchmark measures what the app serves.
/// </summary>
internal static class BundledCorpus
{
    public static (ConversationIndexModel Index, List<ConversationVector> Documents) Embedded(DataLocator data)
    {
        var conversations = CorpusFiles.ReadPersuasionForGood(data).Concat(CorpusFiles.ReadCasino(data)).ToList();
        for (var i = 0; i < conversations.Count; i++)
        {
            conversations[i].Id = i + 1;
        }

        var documents = conversations.SelectMany(ConversationDocuments.For).ToList();
        var index = ConversationIndexModel.Fit(documents.Select(d => d.Text).ToList(), RankingChoiceFile.Load(data));
        foreach (var d in documents)
        {
            d.Vector = index.Embedding.Embed(d.Text);
        }

        return (index, documents);
    }
}
