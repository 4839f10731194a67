using System.Net;
using System.Text.Json;
using JorgeCopilot.Core.Health;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.Host;

public sealed class HealthTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Health_is_200_on_a_store_the_host_migrated_itself(StoreProvider provider)
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(provider);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        // No model has been trained on a fresh store: the copilot works but cannot rank, which is degraded, not down.
        json.RootElement.GetProperty("status").GetString().ShouldBe("degraded");
        var store = json.RootElement.GetProperty("checks").GetProperty("store");
        store.GetProperty("status").GetString().ShouldBe("healthy");
        store.GetProperty("data").GetProperty("provider").GetString().ShouldBe(provider == StoreProvider.Postgres ? "postgresql" : "sqlite");
        store.GetProperty("data").GetProperty("reachable").GetBoolean().ShouldBeTrue();
        store.GetProperty("data").GetProperty("pendingMigrations").GetInt32().ShouldBe(0);
        var leadScoring = json.RootElement.GetProperty("checks").GetProperty("models").GetProperty("data").GetProperty("lead-scoring");
        leadScoring.GetProperty("status").GetString().ShouldBe("degraded");
        leadScoring.GetProperty("description").GetString()!.ShouldContain("jorge train lead-scoring");
        // A configured store is never seeded behind the user's back, and that is healthy.
        var seeding = json.RootElement.GetProperty("checks").GetProperty("seeding");
        seeding.GetProperty("status").GetString().ShouldBe("healthy");
        seeding.GetProperty("data").GetProperty("seededThisStart").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task A_degraded_model_keeps_health_at_200_and_an_unhealthy_one_turns_it_503()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite, services =>
        {
            services.AddSingleton<IHealthContributor>(new FixedContributor("pricing", HealthContribution.Degraded("no champion model yet")));
            services.AddSingleton<IHealthContributor>(new FixedContributor("lead-scoring", HealthContribution.Unhealthy("champion model failed to load")));
        });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        json.RootElement.GetProperty("status").GetString().ShouldBe("unhealthy");
        var models = json.RootElement.GetProperty("checks").GetProperty("models");
        models.GetProperty("data").GetProperty("pricing").GetProperty("status").GetString().ShouldBe("degraded");
        models.GetProperty("data").GetProperty("lead-scoring").GetProperty("description").GetString().ShouldBe("champion model failed to load");
        json.RootElement.GetProperty("checks").GetProperty("store").GetProperty("status").GetString().ShouldBe("healthy");
    }

    [Fact]
    public async Task A_degraded_model_alone_answers_200()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite, services =>
            services.AddSingleton<IHealthContributor>(new FixedContributor("pricing", HealthContribution.Degraded("no champion model yet"))));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("\"status\": \"degraded\"");
    }

    private sealed class FixedContributor(string name, HealthContribution result) : IHealthContributor
    {
        public string Name { get; } = name;

        public Task<HealthContribution> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(result);
    }
}
