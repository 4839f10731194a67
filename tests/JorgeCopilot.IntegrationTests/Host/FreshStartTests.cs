using System.Net;
using System.Text.Json;
using JorgeCopilot.Api.Security;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.Host;

/// <summary>
/// The README's run command on a fresh machine: no configuration at all, so the embedded SQLite default (redirected to
/// a temp folder by <see cref="IsolatedDataHome"/>), migrated and seeded on first start. The only test that uses the
/// embedded default, so nothing else races for that file. After seeding, the host trains the lead-scoring model the
/// seeded store lacks (limited to that task here to keep the suite's time down), so the copilot can rank leads.
/// </summary>
public sealed class FreshStartTests
{
    private static readonly TimeSpan SeedingBudget = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan TrainingBudget = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task With_no_configuration_the_host_seeds_the_embedded_store_answers_health_200_and_trains_the_missing_model()
    {
        await using var factory = new JorgeApiFactory(connectionString: null,
            settings: new Dictionary<string, string> { ["Retraining:Tasks:0"] = "lead-scoring" });
        using var client = factory.CreateClient();
        var deadline = DateTime.UtcNow + SeedingBudget;
        var sawSeeding = false;

        HttpStatusCode status;
        JsonElement health;
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
            status = response.StatusCode;
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            health = json.RootElement.Clone();
            if (status == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                break;
            }

            // Until the workspace is ready the host says why it is not (503 with the seeding state), never a 500.
            status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            health.GetProperty("checks").GetProperty("seeding").GetProperty("status").GetString().ShouldBe("unhealthy");
            sawSeeding = true;
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }

        status.ShouldBe(HttpStatusCode.OK, $"not healthy within {SeedingBudget}: {health}");
        sawSeeding.ShouldBeTrue("a fresh store cannot be seeded before the first request");
        var checks = health.GetProperty("checks");
        checks.GetProperty("seeding").GetProperty("data").GetProperty("state").GetString().ShouldBe("ready");
        checks.GetProperty("seeding").GetProperty("data").GetProperty("seededThisStart").GetBoolean().ShouldBeTrue();
        checks.GetProperty("store").GetProperty("data").GetProperty("provider").GetString().ShouldBe("sqlite");
        checks.GetProperty("store").GetProperty("data").GetProperty("embeddedDefault").GetBoolean().ShouldBeTrue();

        // The default lives in the (redirected) user data folder, never in the repository or the real home.
        var connection = factory.Services.GetRequiredService<StoreConnection>();
        connection.IsEmbeddedDefault.ShouldBeTrue();
        Path.GetFullPath(connection.SqliteFile()!).ShouldBe(Path.Combine(IsolatedDataHome.Directory, "jorge-copilot", "jorge.db"));

        await using var db = factory.Services.GetRequiredService<JorgeDbContextFactory>().CreateDbContext();
        (await db.Leads.CountAsync(TestContext.Current.CancellationToken)).ShouldBeGreaterThan(0);
        (await db.Properties.CountAsync(TestContext.Current.CancellationToken)).ShouldBeGreaterThan(0);
        (await db.MarketSeries.CountAsync(TestContext.Current.CancellationToken)).ShouldBeGreaterThan(0);
        (await db.Conversations.CountAsync(TestContext.Current.CancellationToken)).ShouldBeGreaterThan(0);

        // Then the missing lead-scoring champion is trained in the background, and ranking works with no manual step.
        var trainedBy = DateTime.UtcNow + TrainingBudget;
        string leadScoring;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            leadScoring = json.RootElement.GetProperty("checks").GetProperty("models").GetProperty("data").GetProperty("lead-scoring").GetProperty("status").GetString()!;
        }
        while (leadScoring != "healthy" && DateTime.UtcNow < trainedBy);

        leadScoring.ShouldBe("healthy", $"no lead-scoring champion within {TrainingBudget}");
        // The host never runs open: its first start wrote a key for the local user, readable by that user only.
        var keyFile = Path.Combine(IsolatedDataHome.Directory, "jorge-copilot", "api-key");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(keyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        using var local = factory.CreateAnonymousClient();
        local.DefaultRequestHeaders.Add(ApiSecurityOptions.HeaderName, (await File.ReadAllTextAsync(keyFile, TestContext.Current.CancellationToken)).Trim());
        using var top = await local.GetAsync(new Uri("/api/v1/leads/top?limit=3", UriKind.Relative), TestContext.Current.CancellationToken);
        top.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var leads = JsonDocument.Parse(await top.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        leads.RootElement.GetProperty("leads").GetArrayLength().ShouldBe(3);
    }
}
