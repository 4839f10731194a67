using JorgeCopilot.Intelligence.Conversations;
using Microsoft.Extensions.VectorData;

namespace JorgeCopilot.IntegrationTests.Conversations;

/// <summary>
/// The one contract every vector store of the conversation index passes (embedded on SQLite, embedded on PostgreSQL,
/// Qdrant). Each test gets a fresh, uniquely named collection and deletes it afterwards.
/// </summary>
public abstract class VectorCollectionContract
{
    protected abstract Task<VectorStoreCollection<string, ConversationVector>> CreateAsync(string name);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_collection_exists_between_ensure_and_delete()
    {
        var collection = await CreateAsync(NewName());
        (await collection.CollectionExistsAsync(Ct)).ShouldBeFalse();
        await collection.EnsureCollectionExistsAsync(Ct);
        await collection.EnsureCollectionExistsAsync(Ct);
        (await collection.CollectionExistsAsync(Ct)).ShouldBeTrue();
        await collection.EnsureCollectionDeletedAsync(Ct);
        (await collection.CollectionExistsAsync(Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task An_upserted_record_comes_back_by_key_with_its_payload()
    {
        var collection = await ReadyAsync();
        try
        {
            await collection.UpsertAsync(Record("pfg/1", Axis(0), Outcomes.Won, ["credibility-appeal", "emotion-appeal"], "I am not sure this is legit"), Ct);
            var back = await collection.GetAsync("pfg/1", cancellationToken: Ct);
            back.ShouldNotBeNull();
            back.Outcome.ShouldBe(Outcomes.Won);
            back.Strategies.ShouldBe(["credibility-appeal", "emotion-appeal"]);
            back.Text.ShouldBe("I am not sure this is legit");
            back.Response.ShouldBe("reply to pfg/1");
            back.OutcomeValue.ShouldBe(1.5);
        }
        finally
        {
            await collection.EnsureCollectionDeletedAsync(Ct);
        }
    }

    [Fact]
    public async Task Search_ranks_by_cosine_similarity_highest_first()
    {
        var collection = await ReadyAsync();
        try
        {
            await collection.UpsertAsync([Record("a", Axis(0)), Record("b", Blend(0, 1, 0.8f)), Record("c", Axis(1))], Ct);
            var hits = await Search(collection, Axis(0), 3, null);
            hits.Select(h => h.Record.Key).ShouldBe(["a", "b", "c"]);
            hits[0].Score!.Value.ShouldBe(1.0, 1e-4);
            hits[1].Score!.Value.ShouldBe(0.8, 1e-3);
            hits[2].Score!.Value.ShouldBe(0.0, 1e-4);
        }
        finally
        {
            await collection.EnsureCollectionDeletedAsync(Ct);
        }
    }

    [Fact]
    public async Task Payload_filters_on_outcome_strategy_and_corpus_exclude_other_records()
    {
        var collection = await ReadyAsync();
        try
        {
            await collection.UpsertAsync(
            [
                Record("won-cred", Axis(0), Outcomes.Won, ["credibility-appeal"]),
                Record("lost-cred", Axis(0), Outcomes.Lost, ["credibility-appeal"]),
                Record("won-emo", Axis(0), Outcomes.Won, ["emotion-appeal"]),
                Record("won-cred-casino", Axis(0), Outcomes.Won, ["credibility-appeal"], corpus: "casino"),
            ], Ct);
            var hits = await Search(collection, Axis(0), 10,
                new ConversationFilter(Corpus: "persuasion-for-good", Outcome: Outcomes.Won, Strategy: "credibility-appeal"));
            hits.Select(h => h.Record.Key).ShouldBe(["won-cred"]);
        }
        finally
        {
            await collection.EnsureCollectionDeletedAsync(Ct);
        }
    }

    [Fact]
    public async Task Upserting_an_existing_key_replaces_the_record()
    {
        var collection = await ReadyAsync();
        try
        {
            await collection.UpsertAsync(Record("k", Axis(0), Outcomes.Lost), Ct);
            await collection.UpsertAsync(Record("k", Axis(1), Outcomes.Won), Ct);
            var hits = await Search(collection, Axis(1), 5, null);
            hits.Count.ShouldBe(1);
            hits[0].Record.Outcome.ShouldBe(Outcomes.Won);
            hits[0].Score!.Value.ShouldBe(1.0, 1e-4);
        }
        finally
        {
            await collection.EnsureCollectionDeletedAsync(Ct);
        }
    }

    [Fact]
    public async Task Deleted_records_are_no_longer_found()
    {
        var collection = await ReadyAsync();
        try
        {
            await collection.UpsertAsync([Record("x", Axis(0)), Record("y", Axis(1))], Ct);
            await collection.DeleteAsync(["x"], Ct);
            (await collection.GetAsync("x", cancellationToken: Ct)).ShouldBeNull();
            (await Search(collection, Axis(0), 5, null)).Select(h => h.Record.Key).ShouldBe(["y"]);
        }
        finally
        {
            await collection.EnsureCollectionDeletedAsync(Ct);
        }
    }

    [Fact]
    public async Task Hybrid_search_over_the_store_finds_the_conversation_that_shares_the_words()
    {
        var collection = await ReadyAsync();
        try
        {
            string[] texts =
            [
                "I do not trust big charities, how much of the money reaches the children",
                "What is the commission you charge for selling my house",
                "We need firewood and water for the camping trip",
            ];
            // Each text twice: features seen in a single document are dropped as noise.
            var model = ConversationIndexModel.Fit([.. texts, .. texts, "an unrelated sentence about the weather"]);
            await collection.UpsertAsync(texts.Select((t, i) => Record($"d{i}", model.Embedding.Embed(t), text: t)), Ct);
            var hits = await HybridRanker.SearchAsync(collection, model, new ConversationQuery("how much commission do you charge", Top: 1), Ct);
            hits.Single().Key.ShouldBe("d1");
        }
        finally
        {
            await collection.EnsureCollectionDeletedAsync(Ct);
        }
    }

    private async Task<VectorStoreCollection<string, ConversationVector>> ReadyAsync()
    {
        var collection = await CreateAsync(NewName());
        await collection.EnsureCollectionExistsAsync(Ct);
        return collection;
    }

    private static async Task<List<VectorSearchResult<ConversationVector>>> Search(VectorStoreCollection<string, ConversationVector> collection,
        float[] query, int top, ConversationFilter? filter)
    {
        var results = new List<VectorSearchResult<ConversationVector>>();
        await foreach (var r in collection.SearchAsync(query, top, new VectorSearchOptions<ConversationVector> { Filter = filter?.ToExpression() }, Ct))
        {
            results.Add(r);
        }

        return results;
    }

    private static string NewName() => $"test-{Guid.NewGuid():N}";

    private static float[] Axis(int i)
    {
        var v = new float[ConversationVector.Dimensions];
        v[i] = 1;
        return v;
    }

    private static float[] Blend(int i, int j, float cosine)
    {
        var v = new float[ConversationVector.Dimensions];
        v[i] = cosine;
        v[j] = MathF.Sqrt(1 - (cosine * cosine));
        return v;
    }

    private static ConversationVector Record(string key, float[] vector, string outcome = Outcomes.Won, List<string>? strategies = null,
        string? text = null, string corpus = "persuasion-for-good") => new()
    {
        Key = key,
        Corpus = corpus,
        Kind = ConversationKinds.Turn,
        Outcome = outcome,
        Strategies = strategies ?? [],
        ConversationId = 7,
        ExternalId = key,
        OutcomeValue = 1.5,
        Text = text ?? $"text of {key}",
        Response = $"reply to {key}",
        Fingerprint = "f",
        Vector = vector,
    };
}
