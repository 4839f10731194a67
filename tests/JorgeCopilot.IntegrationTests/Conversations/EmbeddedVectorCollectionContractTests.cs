using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using JorgeCopilot.Intelligence.Conversations;
using Microsoft.Extensions.VectorData;

namespace JorgeCopilot.IntegrationTests.Conversations;

/// <summary>The contract on the embedded store with its rows in SQLite.</summary>
public sealed class EmbeddedSqliteVectorCollectionContractTests : VectorCollectionContract
{
    protected override async Task<VectorStoreCollection<string, ConversationVector>> CreateAsync(string name) =>
        new EmbeddedVectorCollection(name, new StoreVectorPersistence(await TestStores.CreateMigratedAsync(StoreProvider.Sqlite)));
}

/// <summary>The contract on the embedded store with its rows in PostgreSQL.</summary>
public sealed class EmbeddedPostgresVectorCollectionContractTests : VectorCollectionContract
{
    protected override async Task<VectorStoreCollection<string, ConversationVector>> CreateAsync(string name) =>
        new EmbeddedVectorCollection(name, new StoreVectorPersistence(await TestStores.CreateMigratedAsync(StoreProvider.Postgres)));
}
