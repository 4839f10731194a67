using JorgeCopilot.Intelligence.Conversations;

namespace JorgeCopilot.UnitTests.Conversations;

public sealed class EmbeddedVectorCollectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_instance_sees_what_the_first_wrote_as_another_replica_would()
    {
        var persistence = new MemoryVectorPersistence();
        using var writer = new EmbeddedVectorCollection("c", persistence);
        using var reader = new EmbeddedVectorCollection("c", persistence);
        await writer.EnsureCollectionExistsAsync(Ct);
        await writer.UpsertAsync(Record("a", 0), Ct);
        (await reader.GetAsync("a", cancellationToken: Ct)).ShouldNotBeNull();

        await writer.UpsertAsync(Record("b", 1), Ct);

        (await reader.GetAsync("b", cancellationToken: Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_record_of_the_wrong_dimension_is_refused()
    {
        using var collection = new EmbeddedVectorCollection("c", new MemoryVectorPersistence());
        await collection.EnsureCollectionExistsAsync(Ct);
        var record = Record("a", 0);
        record.Vector = new float[3];

        await Should.ThrowAsync<ArgumentException>(() => collection.UpsertAsync(record, Ct));
    }

    [Fact]
    public async Task Searching_a_collection_that_was_never_created_says_so()
    {
        using var collection = new EmbeddedVectorCollection("missing", new MemoryVectorPersistence());

        await Should.ThrowAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in collection.SearchAsync(new float[ConversationVector.Dimensions], 1, cancellationToken: Ct))
            {
            }
        });
    }

    private static ConversationVector Record(string key, int axis)
    {
        var v = new float[ConversationVector.Dimensions];
        v[axis] = 1;
        return new ConversationVector { Key = key, Vector = v };
    }
}
