using JorgeCopilot.Core.Conversations;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Intelligence.Monitoring;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// Eval suite "retrieval" on Persuasion For Good and CaSiNo, split by dialogue (<see cref="DialogueSplit"/>): the index
/// (embedding, BM25 statistics and vectors) is built from training dialogues only, in memory.
/// Label agreement: each labelled turn of a held-out dialogue queries the labelled turns of winning training dialogues
/// (what prepared responses are drawn from); a neighbour is relevant when it carries the query's strategy label;
/// precision_at_5 and mrr for the hybrid ranking, against BM25 (baseline_*) and the random expectation (random_*).
/// Outcome: each held-out dialogue queries every training dialogue with its first half; the similarity-weighted outcome
/// of its 10 nearest neighbours scores it; outcome_auc against the real outcome (CaSiNo: joint points at or above the
/// training median, since 98% of its dialogues end in a deal).
/// </summary>
public sealed class RetrievalEvalSuite(DataLocator data) : IEvalSuite
{
    public const int K = 5;
    public const int OutcomeNeighbours = 20;
    public const int RankDepth = 100;

    /// <summary>The persuasion strategies of Wang et al. (2019); the other labels are dialogue acts.</summary>
    private static readonly HashSet<string> PersuasionStrategies = new(
    [
        "logical-appeal", "emotion-appeal", "credibility-appeal", "foot-in-the-door", "self-modeling", "personal-story",
        "donation-information", "source-related-inquiry", "task-related-inquiry", "personal-related-inquiry",
    ], StringComparer.Ordinal);

    public string Name => "retrieval";

    public async Task<IReadOnlyList<EvalMeasurement>> RunAsync(EvalContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var results = new List<EvalMeasurement>();
        var pfg = CorpusFiles.ReadPersuasionForGood(data);
        context.Report($"retrieval: persuasion-for-good, {pfg.Count} dialogues");
        results.Add(await MeasureAsync(CorpusFiles.PersuasionForGood, pfg,
            t => t.SpeakerRole == "persuader" ? t.Labels.FirstOrDefault(PersuasionStrategies.Contains) : null,
            train => c => c.Succeeded == true, "donated (> $0)", cancellationToken));

        var casino = CorpusFiles.ReadCasino(data);
        context.Report($"retrieval: casino, {casino.Count} dialogues");
        results.Add(await MeasureAsync("casino", casino,
            t => t.Labels.FirstOrDefault(l => l != "non-strategic"),
            train =>
            {
                var median = Median(train.Select(c => c.OutcomeValue ?? 0).ToList());
                return c => (c.OutcomeValue ?? 0) >= median;
            }, "joint points at or above the training median", cancellationToken));
        return results;
    }

    private static async Task<EvalMeasurement> MeasureAsync(string dataset, List<Conversation> conversations, Func<ConversationTurn, string?> turnLabel,
        Func<List<Conversation>, Func<Conversation, bool>> outcomeOf, string outcomeText, CancellationToken cancellationToken)
    {
        for (var i = 0; i < conversations.Count; i++)
        {
            conversations[i].Id = i + 1;
        }

        var train = conversations.Where(c => !DialogueSplit.IsTest(c.ExternalId)).ToList();
        var test = conversations.Where(c => DialogueSplit.IsTest(c.ExternalId)).ToList();
        var documents = train.Select(c => ConversationDocuments.For(c).First()).ToList();
        // Fitted as the app's indexer fits it: on the conversations and on their turns.
        var model = ConversationIndexModel.Fit(documents.Select(d => d.Text).Concat(train.SelectMany(c => c.Turns).Select(t => t.Text)).ToList());
        using var collection = new EmbeddedVectorCollection($"eval-{dataset}", new MemoryVectorPersistence());
        await collection.EnsureCollectionExistsAsync(cancellationToken);
        foreach (var d in documents)
        {
            d.Vector = model.Embedding.Embed(d.Text);
        }

        await collection.UpsertAsync(documents, cancellationToken);
        var byKey = train.ToDictionary(ConversationDocuments.ConversationKey, StringComparer.Ordinal);
        var bm25Docs = documents.Select(d => (d.Key, Terms: Bm25Scorer.TermCounts(d.Text))).ToList();

        // Label agreement: labelled held-out turns query the labelled turns of winning training dialogues.
        var turnDocs = new List<(ConversationVector Doc, string Label)>();
        foreach (var c in train.Where(c => c.Succeeded == true))
        {
            foreach (var t in c.Turns)
            {
                if (turnLabel(t) is { } label && TextTokens.Words(t.Text).Count > 0)
                {
                    turnDocs.Add((new ConversationVector
                    {
                        Key = $"{ConversationDocuments.ConversationKey(c)}#{t.Index}",
                        Corpus = c.Corpus,
                        Kind = ConversationKinds.Turn,
                        Outcome = Outcomes.Won,
                        Strategies = [label],
                        Text = t.Text,
                        Vector = model.Embedding.Embed(t.Text),
                    }, label));
                }
            }
        }

        using var turns = new EmbeddedVectorCollection($"eval-{dataset}-turns", new MemoryVectorPersistence());
        await turns.EnsureCollectionExistsAsync(cancellationToken);
        await turns.UpsertAsync(turnDocs.Select(t => t.Doc), cancellationToken);
        var labelOf = turnDocs.ToDictionary(t => t.Doc.Key, t => t.Label, StringComparer.Ordinal);
        var turnTerms = turnDocs.Select(t => (t.Doc.Key, Terms: Bm25Scorer.TermCounts(t.Doc.Text))).ToList();
        var shares = turnDocs.GroupBy(t => t.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count() / (double)turnDocs.Count, StringComparer.Ordinal);
        var queries = test.SelectMany(c => c.Turns).Where(t => turnLabel(t) is not null && TextTokens.Words(t.Text).Count > 0).ToList();
        var hybrid = new List<(double P, double Rr)>();
        var vectorOnly = new List<(double P, double Rr)>();
        var keyword = new List<(double P, double Rr)>();
        var random = new List<double>();
        foreach (var query in queries)
        {
            var label = turnLabel(query)!;
            bool Relevant(string key) => labelOf[key] == label;
            var candidates = await HybridRanker.SearchAsync(turns, model, new ConversationQuery(query.Text, null, RankDepth), cancellationToken);
            hybrid.Add(Score(candidates.Select(h => h.Key).ToList(), Relevant));
            var vectors = await HybridRanker.SearchAsync(turns, model, new ConversationQuery(query.Text, null, RankDepth, RankingMode.Vector), cancellationToken);
            vectorOnly.Add(Score(vectors.Select(h => h.Key).ToList(), Relevant));
            var terms = Bm25Scorer.QueryTerms(query.Text);
            var bm25 = turnTerms.Select(d => (d.Key, Score: model.Keywords.Score(terms, d.Terms))).OrderByDescending(d => d.Score)
                .ThenBy(d => d.Key, StringComparer.Ordinal).Take(RankDepth).Select(d => d.Key).ToList();
            keyword.Add(Score(bm25, Relevant));
            random.Add(shares.GetValueOrDefault(label));
        }

        // Outcome prediction from the first half of each held-out dialogue.
        var outcome = outcomeOf(train);
        var scores = new List<double>();
        var bm25Scores = new List<double>();
        var labels = new List<bool>();
        foreach (var query in test)
        {
            var half = query.Turns.OrderBy(t => t.Index).Take(Math.Max(1, query.Turns.Count / 2)).ToList();
            var text = ConversationDocuments.ConversationText(half);
            var hits = await HybridRanker.SearchAsync(collection, model, new ConversationQuery(text, null, OutcomeNeighbours), cancellationToken);
            scores.Add(Weighted(hits.Select(h => (Math.Max(h.VectorScore, 1e-6), outcome(byKey[h.Key])))));
            var terms = Bm25Scorer.QueryTerms(text);
            var bm25 = bm25Docs.Select(d => (d.Key, Score: model.Keywords.Score(terms, d.Terms))).OrderByDescending(d => d.Score)
                .ThenBy(d => d.Key, StringComparer.Ordinal).Take(OutcomeNeighbours);
            bm25Scores.Add(Weighted(bm25.Select(d => (Math.Max(d.Score, 1e-6), outcome(byKey[d.Key])))));
            labels.Add(outcome(query));
        }

        var metrics = new Dictionary<string, double>
        {
            ["precision_at_5"] = hybrid.Average(h => h.P),
            ["mrr"] = hybrid.Average(h => h.Rr),
            ["outcome_auc"] = BinaryMetrics.Auc(scores, labels),
            ["baseline_precision_at_5"] = keyword.Average(h => h.P),
            ["baseline_mrr"] = keyword.Average(h => h.Rr),
            ["baseline_outcome_auc"] = BinaryMetrics.Auc(bm25Scores, labels),
            ["vector_precision_at_5"] = vectorOnly.Average(h => h.P),
            ["vector_mrr"] = vectorOnly.Average(h => h.Rr),
            ["random_precision_at_5"] = random.Average(),
            ["label_queries"] = queries.Count,
            ["indexed_turns"] = turnDocs.Count,
            ["outcome_queries"] = test.Count,
            ["indexed_dialogues"] = train.Count,
        };
        return new EvalMeasurement(dataset, metrics)
        {
            Notes =
            [
                $"Split by dialogue (SplitMix64(FNV-1a(id) xor 1) < 0.2): {train.Count} training dialogues indexed, {test.Count} held out; the embedding ({model.Version}) and BM25 statistics are fitted on training dialogues only.",
                $"precision_at_5 / mrr: {queries.Count} labelled turns of held-out dialogues query the {turnDocs.Count} labelled turns of winning training dialogues; relevant = same strategy label (first strategy label of the turn; Persuasion For Good: the ten persuader strategies). baseline_* = BM25 over the same turns; random_precision_at_5 = expected share of relevant turns; mrr within the top {RankDepth}.",
                $"outcome_auc: the first half of each held-out dialogue, similarity-weighted outcome ({outcomeText}) of its {OutcomeNeighbours} nearest training dialogues (hybrid ranking; baseline_outcome_auc with BM25 neighbours).",
                "Peer baseline (scikit-learn TF-IDF nearest neighbours on the same split): /usr/bin/python3 evals/baselines/behavior_baseline.py",
            ],
        };
    }

    private static (double Precision, double ReciprocalRank) Score(IReadOnlyList<string> ranked, Func<string, bool> relevant)
    {
        var top = ranked.Take(K).ToList();
        var precision = top.Count == 0 ? 0 : top.Count(relevant) / (double)K;
        var first = ranked.Select((key, i) => (key, i)).FirstOrDefault(p => relevant(p.key), (null!, -1)).Item2;
        return (precision, first < 0 ? 0 : 1.0 / (first + 1));
    }

    private static double Weighted(IEnumerable<(double Weight, bool Positive)> neighbours)
    {
        var list = neighbours.ToList();
        var total = list.Sum(n => n.Weight);
        return total <= 0 ? 0.5 : list.Sum(n => n.Positive ? n.Weight : 0) / total;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count == 0 ? 0 : values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }
}
