using JorgeCopilot.Core.Store;

namespace JorgeCopilot.IntegrationTests.Infrastructure;

/// <summary>Fresh, migrated stores for tests that must pass on both providers.</summary>
public static class TestStores
{
    /// <summary>Theory data: every store provider.</summary>
    public static TheoryData<StoreProvider> Providers => new(StoreProvider.Sqlite, StoreProvider.Postgres);

    /// <summary>A new empty store of the given provider, not yet migrated.</summary>
    public static async Task<StoreConnection> CreateEmptyAsync(StoreProvider provider)
    {
        if (provider == StoreProvider.Postgres)
        {
            return new StoreConnection(StoreProvider.Postgres, await PostgresServer.CreateDatabaseAsync(), IsEmbeddedDefault: false);
        }

        var file = Path.Combine(Directory.CreateTempSubdirectory("jorge-sqlite-").FullName, "jorge.db");
        return new StoreConnection(StoreProvider.Sqlite, $"Data Source={file};Pooling=False", IsEmbeddedDefault: false);
    }

    /// <summary>A new store with every migration applied.</summary>
    public static async Task<JorgeDbContextFactory> CreateMigratedAsync(StoreProvider provider)
    {
        var factory = new JorgeDbContextFactory(await CreateEmptyAsync(provider));
        await factory.MigrateAsync();
        return factory;
    }
}
