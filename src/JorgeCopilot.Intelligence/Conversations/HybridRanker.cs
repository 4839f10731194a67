using Microsoft.Extensions.VectorData;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// The ranking both stores share: exact (embedded) or approximate (Qdrant) cosine gives candidates under the payload
/// filter, BM25 over the candidates' text re-ranks them, and reciprocal-rank fusion (k = 60) merges the two orders, so a
/// rare exact word ("commission") can lift a candidate without letting keyword noise reach past the vector shortlist.
/// </summary>
public static class HybridRanker
{
    public const int FusionK = 60;
    public const int MinCandidates = 50;

    public static async Task<IReadOnlyList<ConversationHit>> SearchAsync(VectorStoreCollection<string, ConversationVector> collection,
        ConversationIndexModel model, ConversationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(query);
        var vector = model.Embedding.Embed(query.Text);
        var options = new VectorSearchOptions<ConversationVector> { Filter = query.Filter?.ToExpression() };
        var take = query.Mode == RankingMode.Hybrid ? Math.Max(MinCandidates, query.Top * 10) : query.Top;
        var candidates = new List<(ConversationVector Record, double Cosine)>();
        await foreach (var result in collection.SearchAsync(vector, take, options, cancellationToken))
        {
            candidates.Add((result.Record, result.Score ?? 0));
        }

        if (query.Mode == RankingMode.Vector)
        {
            return candidates.Select(c => Hit(c.Record, c.Cosine, c.Cosine, 0)).ToList();
        }

        var terms = Bm25Scorer.QueryTerms(query.Text);
        var keyword = candidates.Select(c => model.Keywords.Score(terms, TermsOf(c.Record))).ToArray();
        var keywordRank = Ranks(keyword);
        return candidates
            .Select((c, i) => Hit(c.Record, (1.0 / (FusionK + i + 1)) + (1.0 / (FusionK + keywordRank[i])), c.Cosine, keyword[i]))
            .OrderByDescending(h => h.Score)
            .ThenByDescending(h => h.VectorScore)
            .Take(query.Top)
            .ToList();
    }

    // The embedded store hands out the same record instances until its collection changes, so each text is tokenised
    // once rather than on every search (Qdrant returns fresh instances: those are tokenised per search).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ConversationVector, DocumentTerms> Terms = [];

    private static DocumentTerms TermsOf(ConversationVector record) => Terms.GetValue(record, r => Bm25Scorer.TermCounts(r.Text));

    /// <summary>1-based rank of each score, highest first; ties keep input order.</summary>
    private static int[] Ranks(double[] scores)
    {
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ToArray();
        var ranks = new int[scores.Length];
        for (var r = 0; r < order.Length; r++)
        {
            ranks[order[r]] = r + 1;
        }

        return ranks;
    }

    private static ConversationHit Hit(ConversationVector r, double score, double cosine, double keyword) => new(
        r.Key, r.ConversationId, r.Corpus, r.ExternalId, r.Kind, r.Outcome, r.OutcomeValue, r.Strategies, r.Text, r.Response,
        Math.Round(score, 6), Math.Round(cosine, 4), Math.Round(keyword, 3));
}
