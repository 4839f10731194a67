using JorgeCopilot.Intelligence.Conversations;

namespace JorgeCopilot.UnitTests.Conversations;

public sealed class HybridRankerTests
{
    private static int[] Order(double[] fused) => Enumerable.Range(0, fused.Length).OrderByDescending(i => fused[i]).ThenBy(i => i).ToArray();

    [Fact]
    public void Without_keyword_weight_the_vector_order_stands()
    {
        var fused = HybridRanker.Fuse([0.1, 5.0, 3.0, 0.0], new FusionParameters(0, 60, 50));

        Order(fused).ShouldBe([0, 1, 2, 3]);
    }

    [Fact]
    public void A_heavy_keyword_weight_follows_the_keyword_order()
    {
        var fused = HybridRanker.Fuse([0.1, 5.0, 3.0, 0.0], new FusionParameters(8, 10, 50));

        Order(fused).ShouldBe([1, 2, 0, 3]);
    }

    [Fact]
    public void Equal_weights_let_a_strong_keyword_match_overtake_one_vector_place()
    {
        var fused = HybridRanker.Fuse([0.0, 9.0, 1.0], FusionParameters.Default);

        Order(fused).ShouldBe([1, 0, 2]);
    }

    [Fact]
    public void The_ranking_choice_travels_with_the_index_model_and_names_its_version()
    {
        string[] texts = ["the price is too high", "we are not ready yet", "what is your commission", "the price is fine"];
        var choice = new RankingChoice(new FusionParameters(2, 10, 200), new FusionParameters(0.5, 60, 50), 10, NeighbourWeighting.Uniform);
        var model = ConversationIndexModel.Fit(texts, choice);

        var copy = ConversationIndexModel.FromBytes(model.ToBytes());

        copy.Ranking.ShouldBe(choice);
        copy.Version.ShouldBe(model.Version);
        ConversationIndexModel.Fit(texts).Version.ShouldNotBe(model.Version);
    }

    [Fact]
    public void Turn_searches_use_the_turn_fusion_and_others_the_conversation_fusion()
    {
        var choice = new RankingChoice(new FusionParameters(2, 10, 200), new FusionParameters(0.5, 60, 50), 10, NeighbourWeighting.Uniform);

        choice.For(new ConversationFilter(Kind: ConversationKinds.Turn)).ShouldBe(choice.Turns);
        choice.For(new ConversationFilter(Outcome: Outcomes.Won)).ShouldBe(choice.Conversations);
        choice.For(null).ShouldBe(choice.Conversations);
    }
}

public sealed class RankingTunerReplayTests
{
    private static readonly string[] Subjects = ["price", "commission", "timing", "trust", "schools", "garden", "parking", "mortgage", "inspection", "offer"];
    private static readonly string[] Verbs = ["worries about", "asks again about", "wants proof of", "keeps mentioning", "is unsure about", "loves"];

    [Fact]
    public async Task The_tuner_replays_exactly_the_order_the_hybrid_ranker_serves()
    {
        // Distinct texts (no cosine ties), keys in the same ordinal order as the texts.
        var texts = (from s in Subjects from v in Verbs select $"the buyer {v} the {s} and the {Subjects[(Array.IndexOf(Subjects, s) + Array.IndexOf(Verbs, v)) % Subjects.Length]}").ToList();
        var model = ConversationIndexModel.Fit(texts);
        using var collection = new EmbeddedVectorCollection("replay", new MemoryVectorPersistence());
        var ct = TestContext.Current.CancellationToken;
        await collection.EnsureCollectionExistsAsync(ct);
        await collection.UpsertAsync(texts.Select((t, i) => new ConversationVector
        {
            Key = $"k{i:000}", Kind = ConversationKinds.Turn, Text = t, Vector = model.Embedding.Embed(t),
        }), ct);
        string[] queries = ["is the commission too high", "we worry about the schools and parking", "proof of the mortgage offer"];
        FusionParameters[] grid = [new(0, 60, 50), new(1, 10, 20), new(8, 60, 20), FusionParameters.Default];

        foreach (var fusion in grid)
        {
            var served = new ConversationIndexModel(model.Embedding, model.Keywords, new RankingChoice(fusion, fusion, 20, NeighbourWeighting.Similarity));
            foreach (var query in queries)
            {
                var hits = await HybridRanker.SearchAsync(collection, served, new ConversationQuery(query, new ConversationFilter(Kind: ConversationKinds.Turn), 5), ct);

                RankingTuner.Replay(model, texts, query, fusion, 5).Select(i => $"k{i:000}").ShouldBe(hits.Select(h => h.Key), $"{fusion} / {query}");
            }
        }
    }
}
