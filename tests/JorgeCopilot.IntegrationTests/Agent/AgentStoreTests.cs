using JorgeCopilot.Agent;
using JorgeCopilot.Core;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace JorgeCopilot.IntegrationTests.Agent;

/// <summary>The copilot on a real SQLite store: names resolved from the leads table, dialogue state shared by two "replicas".</summary>
public sealed class AgentStoreTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"jorge-agent-{Guid.NewGuid():N}.db");
    private StoreConnection Connection => StoreConnection.Resolve($"Data Source={_file}");

    public async ValueTask InitializeAsync()
    {
        var factory = new JorgeDbContextFactory(Connection);
        await factory.MigrateAsync(TestContext.Current.CancellationToken);
        await SeedLeadsAsync(factory);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return ValueTask.CompletedTask;
    }

    internal static async Task SeedLeadsAsync(JorgeDbContextFactory factory)
    {
        await using var db = factory.CreateDbContext();
        foreach (var (id, name) in LeadScoringTestPlugin.Leads)
        {
            db.Leads.Add(new Lead { Id = id, Source = "test", ExternalId = $"row-{id:000000}", DisplayName = name, NameIsGenerated = true });
        }

        db.MarketSeries.Add(new Core.Market.MarketSeriesPoint { Source = "zillow", Region = "Seattle, WA", Segment = "", Metric = "zhvi", Month = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), Value = 800_000 });
        await db.SaveChangesAsync();
    }

    private ServiceProvider Replica()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJorgeStore(Connection);
        services.AddContractTestPlugins();
        services.AddJorgeAgent();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Clarification_asked_by_one_replica_is_answered_on_another()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = Replica();
        await using var second = Replica();
        var question = await first.GetRequiredService<ICopilot>().AskAsync(new CopilotRequest("c1", "how likely is garcia to convert", "sms"), ct);
        question.Answer.Kind.ShouldBe("clarification");
        question.Answer.Text.ShouldContain("Luis Garcia (lead 40)");

        var answer = await second.GetRequiredService<ICopilot>().AskAsync(new CopilotRequest("c1", "the 2nd", "sms"), ct);
        var call = answer.ToolCalls.ShouldHaveSingleItem();
        call.Function.ShouldBe("score_lead");
        Convert.ToInt64(call.Arguments["leadId"]).ShouldBe(40);

        await using var db = first.GetRequiredService<JorgeDbContextFactory>().CreateDbContext();
        var row = await db.CopilotDialogues.SingleAsync(d => d.ConversationId == "c1", ct);
        row.TurnCount.ShouldBe(2);
        row.StateJson.ShouldContain("\"focusLeadId\":40");
    }

    [Fact]
    public async Task Fuzzy_names_and_regions_come_from_the_store()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = Replica();
        var copilot = services.GetRequiredService<ICopilot>();
        var score = await copilot.AskAsync(new CopilotRequest("c2", "hw hot is hana schmidt", "web"), ct);
        Convert.ToInt64(score.ToolCalls.ShouldHaveSingleItem().Arguments["leadId"]).ShouldBe(102);
        var market = await copilot.AskAsync(new CopilotRequest("c3", "hows the seattle mkt", "web"), ct);
        market.ToolCalls.ShouldHaveSingleItem().Arguments["region"].ShouldBe("Seattle, WA");
    }
}
