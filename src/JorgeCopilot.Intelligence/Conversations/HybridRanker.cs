using Microsoft.Extensions.VectorData;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// The ranking both stores share: exact (embedded) or approximate (Qdrant) cosine gives candidates under the payload
/// filter, BM25 over the candidates' text re-scores them, and weighted reciprocal-rank fusion merges the two orders, so a
/// rare exact word ("commission") can lift a candidate without letting keyword noise reach past the vector shortlist.
/// The fusion parameters (keyword weight, k, candidate pool) are the index model's <see cref="RankingChoice"/>, chosen on
/// validation folds of training dialogues; <see cref="Fuse"/> is the one implementation the tuner replays.
/// </summary>
public static class HybridRanker
{
    public static async Task<IReadOnlyList<ConversationHit>> SearchAsync(VectorStoreCollection<string, ConversationVector> collection,
        ConversationIndexModel model, ConversationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(query);
        var vector = model.Embedding.Embed(query.Text);
        var options = new VectorSearchOptions<ConversationVector> { Filter = query.Filter?.ToExpression() };
        var fusion = model.Ranking.For(query.Filter);
        var take = query.Mode == RankingMode.Hybrid ? fusion.CandidatesFor(query.Top) : query.Top;
        var candidates = new List<(ConversationVector Record, double Cosine)>();
        await foreach (var result in collection.SearchAsync(vector, take, options, cancellationToken))
        {
            candidates.Add((result.Record, result.Score ?? 0));
        }

        if (query.Mode == RankingMode.Vector)
        {
            return candidates.Select(c => Hit(c.Record, c.Cosine, c.Cosine, 0)).ToList();
        }

        // Equal cosines (repeated texts) come back from a store in no set order; key order makes vector ranks deterministic.
        candidates.Sort((a, b) => b.Cosine.CompareTo(a.Cosine) is var c and not 0 ? c : string.CompareOrdinal(a.Record.Key, b.Record.Key));
        var terms = Bm25Scorer.QueryTerms(query.Text);
        var keyword = candidates.Select(c => model.Keywords.Score(terms, TermsOf(c.Record))).ToArray();
        var fused = Fuse(keyword, fusion);
        return Order(fused, candidates.Select(c => c.Cosine).ToArray(), query.Top)
            .Select(i => Hit(candidates[i].Record, fused[i], candidates[i].Cosine, keyword[i]))
            .ToList();
    }

    /// <summary>
    /// The first <paramref name="top"/> candidate positions by fused score, then cosine, then vector order. Fused scores
    /// are compared at 1e-9 so that equal sums added in another order (1/a + 1/b vs 1/b + 1/a) count as the tie they are.
    /// </summary>
    public static IEnumerable<int> Order(IReadOnlyList<double> fused, IReadOnlyList<double> cosine, int top)
    {
        ArgumentNullException.ThrowIfNull(fused);
        ArgumentNullException.ThrowIfNull(cosine);
        return Enumerable.Range(0, fused.Count).OrderByDescending(i => Math.Round(fused[i], 9)).ThenByDescending(i => cosine[i]).ThenBy(i => i).Take(top);
    }

    /// <summary>
    /// Fused scores of candidates given in vector order (best first) with their BM25 scores. Rank ties on the keyword
    /// side keep vector order; callers order by the fused score, then cosine.
    /// </summary>
    public static double[] Fuse(IReadOnlyList<double> keyword, FusionParameters fusion)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        ArgumentNullException.ThrowIfNull(fusion);
        var keywordRank = Ranks(keyword);
        var fused = new double[keyword.Count];
        for (var i = 0; i < fused.Length; i++)
        {
            fused[i] = (1.0 / (fusion.FusionK + i + 1)) + (fusion.KeywordWeight / (fusion.FusionK + keywordRank[i]));
        }

        return fused;
    }

    // The embedded store hands out the same record instances until its collection changes, so each text is tokenised
    // once rather than on every search (Qdrant returns fresh instances: those are tokenised per search).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ConversationVector, DocumentTerms> Terms = [];

    private static DocumentTerms TermsOf(ConversationVector record) => Terms.GetValue(record, r => Bm25Scorer.TermCounts(r.Text));

    /// <summary>1-based rank of each score, highest first; ties keep input order.</summary>
    private static int[] Ranks(IReadOnlyList<double> scores)
    {
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var ranks = new int[scores.Count];
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
