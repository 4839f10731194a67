using System.Numerics.Tensors;
using JorgeCopilot.Core.Conversations;
using JorgeCopilot.Intelligence.Monitoring;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// Chooses the <see cref="RankingChoice"/> by cross-validation inside the dialogues it is given (pass training dialogues
/// only: nothing else is read). The dialogues are dealt into <see cref="Folds"/> folds by a hash of their id (seed
/// <see cref="FoldSeed"/>, independent of <see cref="DialogueSplit"/>); for each fold an index model is fitted on the
/// other folds and the fold's dialogues query it with the eval's protocol (labelled turns against winning turns:
/// precision@5 and MRR; first halves against conversations: outcome AUC). Every grid point is replayed with
/// <see cref="HybridRanker.Fuse"/> on the same cosine and BM25 scores, so the figures are the served ranking's.
/// Turn fusion maximises mean (precision@5 + MRR) / 2; conversation fusion, neighbour count and weighting maximise
/// mean AUC over folds; ties keep the earlier grid point (the previous defaults come first). Several corpora pool
/// their objectives with equal weight.
/// </summary>
public static class RankingTuner
{
    public const int Folds = 5;
    public const ulong FoldSeed = 0x5eed2;
    public const int RankDepth = 100;

    public static readonly IReadOnlyList<int> NeighbourGrid = [20, 5, 10, 40, 80, 160];

    /// <summary>
    /// The fusion grid, the previous default first. Pools stop at 200 candidates: with 1,000 a top-5 hybrid search over
    /// the bundled corpus took 6-8 ms in BehaviorBenchmarks (target 5 ms), and Qdrant would ship every candidate's payload.
    /// </summary>
    public static readonly IReadOnlyList<FusionParameters> FusionGrid =
    [
        FusionParameters.Default,
        .. from weight in new[] { 0.0, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0 }
           from k in new[] { 10, 60 }
           from pool in new[] { 50, 200 }
           where !(weight == 1.0 && k == 60 && pool == 50) && !(weight == 0.0 && (k != 60 || pool != 50))
           select new FusionParameters(weight, k, pool),
    ];

    public static int FoldOf(string dialogueId)
    {
        ArgumentNullException.ThrowIfNull(dialogueId);
        var hash = 14695981039346656037UL;
        foreach (var c in dialogueId)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return (int)(Pricing.ParcelHash.Mix(hash ^ FoldSeed) % Folds);
    }

    public static RankingTuning Choose(IReadOnlyList<(RetrievalProtocol Protocol, IReadOnlyList<Conversation> Training)> corpora)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        // The last slot of each table is BM25 alone over the whole index (the eval's baseline), for comparison only.
        var turnScore = new double[FusionGrid.Count + 1];
        var outcomeAuc = new double[FusionGrid.Count + 1, NeighbourGrid.Count, 2];
        foreach (var (protocol, training) in corpora)
        {
            var corpusTurns = new double[FusionGrid.Count + 1];
            var turnQueries = 0;
            for (var fold = 0; fold < Folds; fold++)
            {
                var inner = training.Where(c => FoldOf(c.ExternalId) != fold).ToList();
                var validation = training.Where(c => FoldOf(c.ExternalId) == fold).ToList();
                turnQueries += TurnFold(protocol, inner, validation, corpusTurns, out var model);
                OutcomeFold(protocol, inner, validation, model, outcomeAuc, 1.0 / (Folds * corpora.Count));
            }

            for (var g = 0; g <= FusionGrid.Count; g++)
            {
                turnScore[g] += corpusTurns[g] / Math.Max(1, turnQueries) / corpora.Count;
            }
        }

        var bestTurns = 0;
        for (var g = 1; g < FusionGrid.Count; g++)
        {
            bestTurns = turnScore[g] > turnScore[bestTurns] + 1e-12 ? g : bestTurns;
        }

        var best = (G: 0, N: 0, W: (int)NeighbourWeighting.Similarity);
        for (var g = 0; g < FusionGrid.Count; g++)
        {
            for (var n = 0; n < NeighbourGrid.Count; n++)
            {
                foreach (var w in new[] { (int)NeighbourWeighting.Similarity, (int)NeighbourWeighting.Uniform })
                {
                    best = outcomeAuc[g, n, w] > outcomeAuc[best.G, best.N, best.W] + 1e-12 ? (g, n, w) : best;
                }
            }
        }

        var choice = new RankingChoice(FusionGrid[bestTurns], FusionGrid[best.G], NeighbourGrid[best.N], (NeighbourWeighting)best.W);
        var bm25 = FusionGrid.Count;
        return new RankingTuning(choice, turnScore[bestTurns], outcomeAuc[best.G, best.N, best.W], turnScore[0],
            outcomeAuc[0, 0, (int)NeighbourWeighting.Similarity], turnScore[bm25], outcomeAuc[bm25, best.N, best.W]);
    }

    /// <summary>Adds each grid point's summed (precision@5 + MRR) / 2 over the fold's queries; returns the query count.</summary>
    private static int TurnFold(RetrievalProtocol protocol, List<Conversation> inner, List<Conversation> validation, double[] sums,
        out ConversationIndexModel model)
    {
        var documents = inner.Select(c => ConversationDocuments.For(c).First()).ToList();
        model = ConversationIndexModel.Fit(RetrievalProtocol.FitTexts(inner, documents));
        var index = inner.Where(c => c.Succeeded == true)
            .SelectMany(c => c.Turns.Select(t => (Key: $"{ConversationDocuments.ConversationKey(c)}#{t.Index}", Turn: t)))
            .Select(x => (x.Key, x.Turn, Label: protocol.LabelOf(x.Turn)))
            .Where(x => x.Label is not null)
            .OrderBy(x => x.Key, StringComparer.Ordinal)
            .ToList();
        var m = model;
        var space = new Space(m, index.Select(x => x.Turn.Text).ToList());
        var queries = validation.SelectMany(c => c.Turns).Select(t => (Turn: t, Label: protocol.LabelOf(t))).Where(q => q.Label is not null).ToList();
        foreach (var (turn, label) in queries)
        {
            var (cosine, keyword, order) = space.Score(turn.Text);
            for (var g = 0; g < FusionGrid.Count; g++)
            {
                var top5 = Rank(cosine, keyword, order, FusionGrid[g], 5);
                var deep = Rank(cosine, keyword, order, FusionGrid[g], RankDepth);
                var precision = top5.Count(i => index[i].Label == label) / 5.0;
                var first = deep.FindIndex(i => index[i].Label == label);
                sums[g] += (precision + (first < 0 ? 0 : 1.0 / (first + 1))) / 2;
            }

            var keywordOrder = KeywordRank(keyword, RankDepth);
            var keywordFirst = keywordOrder.FindIndex(i => index[i].Label == label);
            sums[FusionGrid.Count] += ((keywordOrder.Take(5).Count(i => index[i].Label == label) / 5.0) + (keywordFirst < 0 ? 0 : 1.0 / (keywordFirst + 1))) / 2;
        }

        return queries.Count;
    }

    private static void OutcomeFold(RetrievalProtocol protocol, List<Conversation> inner, List<Conversation> validation, ConversationIndexModel model,
        double[,,] auc, double share)
    {
        var index = inner.OrderBy(ConversationDocuments.ConversationKey, StringComparer.Ordinal).ToList();
        var outcome = protocol.OutcomeRule(inner);
        var positive = index.Select(outcome).ToArray();
        var space = new Space(model, index.Select(c => ConversationDocuments.For(c).First().Text).ToList());
        var labels = validation.Select(outcome).ToList();
        if (labels.All(l => l) || labels.All(l => !l))
        {
            return;
        }

        var scores = new List<double>[FusionGrid.Count + 1, NeighbourGrid.Count, 2];
        foreach (var query in validation)
        {
            var (cosine, keyword, order) = space.Score(RetrievalProtocol.FirstHalf(query));
            for (var g = 0; g < FusionGrid.Count; g++)
            {
                for (var n = 0; n < NeighbourGrid.Count; n++)
                {
                    var neighbours = Rank(cosine, keyword, order, FusionGrid[g], NeighbourGrid[n]);
                    for (var w = 0; w < 2; w++)
                    {
                        var list = scores[g, n, w] ??= [];
                        list.Add(Vote(neighbours.Select(i => (Weight(cosine[i], (NeighbourWeighting)w), positive[i]))));
                    }
                }
            }

            for (var n = 0; n < NeighbourGrid.Count; n++)
            {
                var neighbours = KeywordRank(keyword, NeighbourGrid[n]);
                for (var w = 0; w < 2; w++)
                {
                    var list = scores[FusionGrid.Count, n, w] ??= [];
                    list.Add(Vote(neighbours.Select(i => (Weight(keyword[i], (NeighbourWeighting)w), positive[i]))));
                }
            }
        }

        for (var g = 0; g <= FusionGrid.Count; g++)
        {
            for (var n = 0; n < NeighbourGrid.Count; n++)
            {
                for (var w = 0; w < 2; w++)
                {
                    auc[g, n, w] += BinaryMetrics.Auc(scores[g, n, w], labels) * share;
                }
            }
        }
    }

    /// <summary>A neighbour's weight in the outcome vote.</summary>
    public static double Weight(double cosine, NeighbourWeighting weighting) =>
        weighting == NeighbourWeighting.Uniform ? 1.0 : Math.Max(cosine, 1e-6);

    /// <summary>The weighted share of positive neighbours (0.5 with none).</summary>
    public static double Vote(IEnumerable<(double Weight, bool Positive)> neighbours)
    {
        ArgumentNullException.ThrowIfNull(neighbours);
        double total = 0, positive = 0;
        foreach (var (weight, isPositive) in neighbours)
        {
            total += weight;
            positive += isPositive ? weight : 0;
        }

        return total <= 0 ? 0.5 : positive / total;
    }

    /// <summary>The served hybrid ranking replayed: top candidates by cosine, BM25 over them, <see cref="HybridRanker.Fuse"/>.</summary>
    private static List<int> Rank(float[] cosine, double[] keyword, int[] order, FusionParameters fusion, int top)
    {
        var take = Math.Min(order.Length, fusion.CandidatesFor(top));
        var candidates = order.AsSpan(0, take).ToArray();
        var fused = HybridRanker.Fuse(candidates.Select(i => keyword[i]).ToArray(), fusion);
        return HybridRanker.Order(fused, candidates.Select(i => (double)cosine[i]).ToArray(), top).Select(i => candidates[i]).ToList();
    }

    /// <summary>The replay of one search over <paramref name="texts"/> (given in key order), for tests that hold it to the ranker.</summary>
    internal static List<int> Replay(ConversationIndexModel model, IReadOnlyList<string> texts, string query, FusionParameters fusion, int top)
    {
        var (cosine, keyword, order) = new Space(model, texts).Score(query);
        return Rank(cosine, keyword, order, fusion, top);
    }

    /// <summary>The eval's keyword baseline: BM25 over the whole index, ties in key order.</summary>
    private static List<int> KeywordRank(double[] keyword, int top) =>
        Enumerable.Range(0, keyword.Length).OrderByDescending(i => keyword[i]).ThenBy(i => i).Take(top).ToList();

    /// <summary>Item vectors and BM25 terms of one index, scored against a query text.</summary>
    private sealed class Space(ConversationIndexModel model, IReadOnlyList<string> texts)
    {
        private readonly float[][] vectors = texts.Select(model.Embedding.Embed).ToArray();
        private readonly DocumentTerms[] terms = texts.Select(Bm25Scorer.TermCounts).ToArray();

        public (float[] Cosine, double[] Keyword, int[] Order) Score(string query)
        {
            var vector = model.Embedding.Embed(query);
            var queryTerms = Bm25Scorer.QueryTerms(query);
            var cosine = new float[vectors.Length];
            var keyword = new double[vectors.Length];
            for (var i = 0; i < vectors.Length; i++)
            {
                cosine[i] = TensorPrimitives.Dot<float>(vector, vectors[i]);
                keyword[i] = model.Keywords.Score(queryTerms, terms[i]);
            }

            // Cosine order, ties in key order, as the embedded store returns candidates.
            var order = Enumerable.Range(0, vectors.Length).OrderByDescending(i => cosine[i]).ThenBy(i => i).ToArray();
            return (cosine, keyword, order);
        }
    }
}

/// <summary>
/// The choice and its cross-validated figures, next to the previous defaults' and BM25's on the same folds (BM25's
/// outcome AUC with the chosen neighbour count and weighting, weights being BM25 scores).
/// </summary>
public sealed record RankingTuning(RankingChoice Choice, double TurnScore, double OutcomeAuc, double DefaultTurnScore, double DefaultOutcomeAuc,
    double KeywordTurnScore, double KeywordOutcomeAuc);
