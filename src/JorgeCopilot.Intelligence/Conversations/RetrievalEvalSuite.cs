using JorgeCopilot.Core.Conversations;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Intelligence.Monitoring;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// Eval suite "retrieval" on Persuasion For Good and CaSiNo, split by dialogue (<see cref="DialogueSplit"/>): the index
/// (embedding, BM25 statistics, vectors) and its ranking parameters (<see cref="RankingTuner"/>, cross-validated inside
/// the training dialogues) come from training dialogues only; held-out dialogues are only ever queries.
/// Label agreement: each labelled turn of a held-out dialogue queries the labelled turns of winning training dialogues
/// (what prepared responses are drawn from); a neighbour is relevant when it carries the query's strategy label;
/// precision_at_5 and mrr for the hybrid ranking, against BM25 over every turn (baseline_*) and random order (random_*).
/// Outcome: each held-out dialogue queries the training dialogues with its first half; the (chosen) weighted outcome of
/// its (chosen number of) nearest neighbours scores it; outcome_auc against the real outcome
/// (<see cref="RetrievalProtocol"/>), against the same vote over BM25's neighbours and random scores.
/// </summary>
public sealed class RetrievalEvalSuite(DataLocator data) : IEvalSuite
{
    public const int K = 5;
    public const int RankDepth = RankingTuner.RankDepth;
    public const int RandomDraws = 200;

    /// <summary>The keyword baseline's vote before ranking parameters were tuned: 20 BM25 neighbours weighted by BM25 score.</summary>
    public const int FixedBaselineNeighbours = 20;

    public string Name => "retrieval";

    public async Task<IReadOnlyList<EvalMeasurement>> RunAsync(EvalContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var results = new List<EvalMeasurement>();
        var pfg = CorpusFiles.ReadPersuasionForGood(data);
        context.Report($"retrieval: persuasion-for-good, {pfg.Count} dialogues");
        results.Add(await MeasureAsync(RetrievalProtocol.PersuasionForGood, pfg, cancellationToken));

        var casino = CorpusFiles.ReadCasino(data);
        context.Report($"retrieval: casino, {casino.Count} dialogues");
        results.Add(await MeasureAsync(RetrievalProtocol.Casino, casino, cancellationToken));

        context.Report("retrieval: the served choice, tuned on both corpora's training dialogues");
        results.Add(ServedChoice(context, pfg, casino));
        return results;
    }

    /// <summary>
    /// The app serves one index over every corpus, so it serves one choice: tuned on both corpora's training dialogues
    /// pooled. Written to the output folder; the run fails when data/conversation-ranking.json holds anything else.
    /// </summary>
    private EvalMeasurement ServedChoice(EvalContext context, List<Conversation> pfg, List<Conversation> casino)
    {
        var pooled = RankingTuner.Choose(
        [
            (RetrievalProtocol.PersuasionForGood, pfg.Where(c => !DialogueSplit.IsTest(c.ExternalId)).ToList()),
            (RetrievalProtocol.Casino, casino.Where(c => !DialogueSplit.IsTest(c.ExternalId)).ToList()),
        ]);
        var stored = RankingChoiceFile.Load(data);
        Directory.CreateDirectory(context.OutputDirectory);
        var written = Path.Combine(context.OutputDirectory, RankingChoiceFile.FileName);
        File.WriteAllText(written, RankingChoiceFile.Serialize(pooled.Choice,
            $"RankingTuner ({RankingTuner.Folds}-fold cross-validation) on the training dialogues of persuasion-for-good and casino, pooled; written by jorge eval retrieval"));
        return new EvalMeasurement("served-choice", new Dictionary<string, double>
        {
            ["matches_tuning"] = stored == pooled.Choice ? 1 : 0,
            ["validation_turn_score"] = pooled.TurnScore,
            ["validation_baseline_turn_score"] = pooled.KeywordTurnScore,
            ["validation_outcome_auc"] = pooled.OutcomeAuc,
            ["validation_baseline_outcome_auc"] = pooled.KeywordOutcomeAuc,
        })
        {
            Notes =
            [
                $"Tuned on both corpora's training dialogues: {pooled.Choice}.",
                $"Served ({RankingChoiceFile.FileName} in the bundled data): {stored}. When they differ, copy {written} there.",
            ],
        };
    }

    /// <summary>The parameters the eval would serve for a corpus: tuned on its training dialogues only.</summary>
    public static RankingTuning Tune(RetrievalProtocol protocol, IReadOnlyList<Conversation> conversations)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(conversations);
        return RankingTuner.Choose([(protocol, conversations.Where(c => !DialogueSplit.IsTest(c.ExternalId)).ToList())]);
    }

    private static async Task<EvalMeasurement> MeasureAsync(RetrievalProtocol protocol, List<Conversation> conversations, CancellationToken cancellationToken)
    {
        var dataset = protocol.Corpus;
        for (var i = 0; i < conversations.Count; i++)
        {
            conversations[i].Id = i + 1;
        }

        var train = conversations.Where(c => !DialogueSplit.IsTest(c.ExternalId)).ToList();
        var test = conversations.Where(c => DialogueSplit.IsTest(c.ExternalId)).ToList();
        var tuning = Tune(protocol, conversations);
        var choice = tuning.Choice;
        var documents = train.Select(c => ConversationDocuments.For(c).First()).ToList();
        var model = ConversationIndexModel.Fit(RetrievalProtocol.FitTexts(train, documents), choice);
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
                if (protocol.LabelOf(t) is { } label)
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
        var counts = turnDocs.GroupBy(t => t.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var queries = test.SelectMany(c => c.Turns).Where(t => protocol.LabelOf(t) is not null).ToList();
        var turnFilter = new ConversationFilter(Kind: ConversationKinds.Turn);
        var hybrid = new List<(double P, double Rr)>();
        var vectorOnly = new List<(double P, double Rr)>();
        var keyword = new List<(double P, double Rr)>();
        var random = new List<(double P, double Rr)>();
        foreach (var query in queries)
        {
            var label = protocol.LabelOf(query)!;
            bool Relevant(string key) => labelOf[key] == label;
            // Precision from a top-5 search (what is served), MRR from a deeper one.
            var top = await HybridRanker.SearchAsync(turns, model, new ConversationQuery(query.Text, turnFilter, K), cancellationToken);
            var deep = await HybridRanker.SearchAsync(turns, model, new ConversationQuery(query.Text, turnFilter, RankDepth), cancellationToken);
            hybrid.Add((Score(top.Select(h => h.Key).ToList(), Relevant).Precision, Score(deep.Select(h => h.Key).ToList(), Relevant).ReciprocalRank));
            var vectors = await HybridRanker.SearchAsync(turns, model, new ConversationQuery(query.Text, turnFilter, RankDepth, RankingMode.Vector), cancellationToken);
            vectorOnly.Add(Score(vectors.Select(h => h.Key).ToList(), Relevant));
            var terms = Bm25Scorer.QueryTerms(query.Text);
            var bm25 = turnTerms.Select(d => (d.Key, Score: model.Keywords.Score(terms, d.Terms))).OrderByDescending(d => d.Score)
                .ThenBy(d => d.Key, StringComparer.Ordinal).Take(RankDepth).Select(d => d.Key).ToList();
            keyword.Add(Score(bm25, Relevant));
            var relevant = counts.GetValueOrDefault(label);
            random.Add((relevant / (double)turnDocs.Count, RandomReciprocalRank(turnDocs.Count, relevant, RankDepth)));
        }

        // Outcome prediction from the first half of each held-out dialogue.
        var outcome = protocol.OutcomeRule(train);
        var conversationFilter = new ConversationFilter(Kind: ConversationKinds.Conversation);
        var scores = new List<double>();
        var bm25Scores = new List<double>();
        var bm25FixedScores = new List<double>();
        var labels = new List<bool>();
        foreach (var query in test)
        {
            var text = RetrievalProtocol.FirstHalf(query);
            var hits = await HybridRanker.SearchAsync(collection, model, new ConversationQuery(text, conversationFilter, choice.OutcomeNeighbours), cancellationToken);
            scores.Add(RankingTuner.Vote(hits.Select(h => (RankingTuner.Weight(h.VectorScore, choice.Weighting), outcome(byKey[h.Key])))));
            var terms = Bm25Scorer.QueryTerms(text);
            var bm25 = bm25Docs.Select(d => (d.Key, Score: model.Keywords.Score(terms, d.Terms))).OrderByDescending(d => d.Score)
                .ThenBy(d => d.Key, StringComparer.Ordinal).Take(choice.OutcomeNeighbours);
            bm25Scores.Add(RankingTuner.Vote(bm25.Select(d => (RankingTuner.Weight(d.Score, choice.Weighting), outcome(byKey[d.Key])))));
            bm25FixedScores.Add(RankingTuner.Vote(bm25Docs.Select(d => (d.Key, Score: model.Keywords.Score(terms, d.Terms))).OrderByDescending(d => d.Score)
                .ThenBy(d => d.Key, StringComparer.Ordinal).Take(FixedBaselineNeighbours).Select(d => (Math.Max(d.Score, 1e-6), outcome(byKey[d.Key])))));
            labels.Add(outcome(query));
        }

        var rng = new Random(20261130);
        var randomAuc = Enumerable.Range(0, RandomDraws).Average(_ => BinaryMetrics.Auc(labels.Select(_ => rng.NextDouble()).ToList(), labels));
        var metrics = new Dictionary<string, double>
        {
            ["precision_at_5"] = hybrid.Average(h => h.P),
            ["mrr"] = hybrid.Average(h => h.Rr),
            ["outcome_auc"] = BinaryMetrics.Auc(scores, labels),
            ["baseline_precision_at_5"] = keyword.Average(h => h.P),
            ["baseline_mrr"] = keyword.Average(h => h.Rr),
            ["baseline_outcome_auc"] = BinaryMetrics.Auc(bm25Scores, labels),
            ["baseline20_outcome_auc"] = BinaryMetrics.Auc(bm25FixedScores, labels),
            ["vector_precision_at_5"] = vectorOnly.Average(h => h.P),
            ["vector_mrr"] = vectorOnly.Average(h => h.Rr),
            ["random_precision_at_5"] = random.Average(h => h.P),
            ["random_mrr"] = random.Average(h => h.Rr),
            ["random_outcome_auc"] = randomAuc,
            ["validation_turn_score"] = tuning.TurnScore,
            ["validation_default_turn_score"] = tuning.DefaultTurnScore,
            ["validation_outcome_auc"] = tuning.OutcomeAuc,
            ["validation_default_outcome_auc"] = tuning.DefaultOutcomeAuc,
            ["validation_baseline_turn_score"] = tuning.KeywordTurnScore,
            ["validation_baseline_outcome_auc"] = tuning.KeywordOutcomeAuc,
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
                $"Ranking chosen by {RankingTuner.Folds}-fold cross-validation inside the training dialogues (held-out dialogues never seen): {choice}. validation_* = the choice's cross-validated figures, the previous defaults' ({RankingChoice.Default}) and BM25's (validation_baseline_*) on the same folds; turn score = (precision@5 + MRR) / 2.",
                $"precision_at_5 / mrr: {queries.Count} labelled turns of held-out dialogues query the {turnDocs.Count} labelled turns of winning training dialogues; relevant = same strategy label (first strategy label of the turn; Persuasion For Good: the ten persuader strategies). precision from a top-5 search, mrr within the top {RankDepth}. baseline_* = BM25 over the same turns; random_* = expectation under random order.",
                $"outcome_auc: the first half of each held-out dialogue, {choice.Weighting.ToString().ToLowerInvariant()}-weighted outcome ({protocol.OutcomeText}) of its {choice.OutcomeNeighbours} nearest training dialogues (hybrid ranking); baseline_outcome_auc = the same vote over BM25's {choice.OutcomeNeighbours} best (weighted by BM25 score when similarity-weighted); baseline20_outcome_auc = the earlier fixed baseline (BM25's {FixedBaselineNeighbours} best weighted by BM25 score); random_outcome_auc = mean AUC of {RandomDraws} seeded random scorings.",
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

    /// <summary>Expected reciprocal rank of the first relevant item (0 past <paramref name="depth"/>) when <paramref name="relevant"/> of <paramref name="items"/> are shuffled.</summary>
    public static double RandomReciprocalRank(int items, int relevant, int depth)
    {
        double expected = 0, noneYet = 1;
        for (var i = 1; i <= Math.Min(depth, items) && relevant > 0; i++)
        {
            var remaining = items - i + 1;
            expected += noneYet * relevant / remaining / i;
            noneYet *= (double)(remaining - relevant) / remaining;
        }

        return expected;
    }
}
