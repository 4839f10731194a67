using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace JorgeCopilot.IntegrationTests.Host;

public sealed class StoreInitializerTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Replicas_starting_together_migrate_the_store_exactly_once(StoreProvider provider)
    {
        var factory = new JorgeDbContextFactory(await TestStores.CreateEmptyAsync(provider));
        int total;
        await using (var db = factory.CreateDbContext())
        {
            total = db.Database.GetMigrations().Count();
        }

        var replicas = Enumerable.Range(0, 3)
            .Select(_ => new StoreInitializer(factory, NullLogger<StoreInitializer>.Instance).InitializeAsync(TestContext.Current.CancellationToken));
        var applied = await Task.WhenAll(replicas);

        applied.Sum().ShouldBe(total);
        await using (var db = factory.CreateDbContext())
        {
            (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        }

        // Starting again finds nothing to do.
        (await new StoreInitializer(factory, NullLogger<StoreInitializer>.Instance).InitializeAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }
}
