using JorgeCopilot.Core;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JorgeCopilot.IntegrationTests.Import;

/// <summary>The host migrates on start and seeds only the embedded default store, and only when it is empty.</summary>
public sealed class FirstStartSeedingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task A_configured_store_is_migrated_but_never_seeded(StoreProvider provider)
    {
        var connection = await TestStores.CreateEmptyAsync(provider);
        await using var services = Build(connection);

        var state = await RunUntilSettledAsync(services);

        state.Status.ShouldBe(SeedingStatus.Ready);
        state.Seeded.ShouldBeFalse();
        await using var db = services.GetRequiredService<JorgeDbContextFactory>().CreateDbContext();
        (await db.Database.GetPendingMigrationsAsync(Ct)).ShouldBeEmpty();
        (await db.Leads.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task An_embedded_default_store_with_data_is_left_alone()
    {
        var configured = await TestStores.CreateEmptyAsync(StoreProvider.Sqlite);
        var connection = configured with { IsEmbeddedDefault = true };
        var factory = new JorgeDbContextFactory(connection);
        await factory.MigrateAsync(Ct);
        await using (var db = factory.CreateDbContext())
        {
            db.Leads.Add(new Lead { Source = "crm", ExternalId = "L-1", DisplayName = "Ana Garcia" });
            await db.SaveChangesAsync(Ct);
        }

        await using var services = Build(connection);
        var state = await RunUntilSettledAsync(services);

        state.Status.ShouldBe(SeedingStatus.Ready);
        state.Seeded.ShouldBeFalse();
        await using var check = factory.CreateDbContext();
        (await check.Leads.CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task An_empty_embedded_default_store_starts_seeding_in_the_background()
    {
        var configured = await TestStores.CreateEmptyAsync(StoreProvider.Sqlite);
        await using var services = Build(configured with { IsEmbeddedDefault = true });
        var hosted = services.GetServices<IHostedService>().ToList();
        var state = services.GetRequiredService<SeedingState>();

        foreach (var service in hosted)
        {
            await service.StartAsync(Ct);
        }

        // StartAsync returned at once: seeding runs behind the host, visible through the state /health reads.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (state.Status != SeedingStatus.Seeding && state.Status != SeedingStatus.Failed && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        state.Status.ShouldBe(SeedingStatus.Seeding, state.Error);
        foreach (var service in hosted)
        {
            await service.StopAsync(Ct);
        }
    }

    private static ServiceProvider Build(StoreConnection connection)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJorgeStore(connection);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new DataOptions()));
        services.AddSingleton<DataLocator>();
        services.AddJorgeImport();
        services.AddFirstStartSeeding();
        return services.BuildServiceProvider();
    }

    private static async Task<SeedingState> RunUntilSettledAsync(ServiceProvider services)
    {
        var hosted = services.GetServices<IHostedService>().ToList();
        var state = services.GetRequiredService<SeedingState>();
        foreach (var service in hosted)
        {
            await service.StartAsync(Ct);
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (state.Status is SeedingStatus.Starting or SeedingStatus.Seeding && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        foreach (var service in hosted)
        {
            await service.StopAsync(Ct);
        }

        return state;
    }
}
