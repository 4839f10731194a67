using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.Import;

/// <summary>
/// Seeds one store per provider once for the whole test class (seeding is the expensive part), twice in a row so the
/// tests can check idempotence. Started lazily from a test so a missing PostgreSQL skips that test, not the class.
/// </summary>
public sealed class SeededStoresFixture : IAsyncDisposable
{
    private readonly Dictionary<StoreProvider, Lazy<Task<SeededStore>>> _stores = new()
    {
        [StoreProvider.Sqlite] = new(() => SeedAsync(StoreProvider.Sqlite)),
        [StoreProvider.Postgres] = new(() => SeedAsync(StoreProvider.Postgres)),
    };

    public Task<SeededStore> GetAsync(StoreProvider provider) => _stores[provider].Value;

    private static async Task<SeededStore> SeedAsync(StoreProvider provider)
    {
        var factory = await TestStores.CreateMigratedAsync(provider);
        var services = ImportServices.For(factory.Connection);
        var seeder = services.GetRequiredService<IWorkspaceSeeder>();
        var emptyBefore = await seeder.IsEmptyAsync(CancellationToken.None);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var first = await seeder.SeedAsync(null, CancellationToken.None);
        var firstDuration = clock.Elapsed;
        var second = await seeder.SeedAsync(null, CancellationToken.None);
        TestContext.Current.SendDiagnosticMessage($"Seed on {provider}: {firstDuration.TotalSeconds:F1} s (second run {clock.Elapsed.TotalSeconds - firstDuration.TotalSeconds:F1} s)");
        return new SeededStore(factory, services, emptyBefore, first, second, firstDuration);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _stores.Values.Where(l => l.IsValueCreated))
        {
            if (lazy.Value.IsCompletedSuccessfully)
            {
                await lazy.Value.Result.Services.DisposeAsync();
            }
        }
    }
}

public sealed record SeededStore(
    JorgeDbContextFactory Factory,
    ServiceProvider Services,
    bool WasEmptyBefore,
    SeedSummary First,
    SeedSummary Second,
    TimeSpan FirstDuration);
