using JorgeCopilot.Agent;
using JorgeCopilot.Core;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using JorgeCopilot.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace JorgeCopilot.IntegrationTests.Agent;

/// <summary>The copilot on a real SQLite store: names resolved from the leads table, dialogue state shared by two "replicas".</summary>
public sealed class AgentStoreTests
{
    internal static async Task SeedLeadsAsync(JorgeDbContextFactory factory)
    {
        await using var db = factory.CreateDbContext();
        foreach (var (id, name) in LeadScoringTestPlugin.Leads)
        {
            db.Leads.Add(new Lead { Id = id, Source = "test", ExternalId = $"row-{id:000000}", DisplayName = name, NameIsGenerated = true });
        }

        db.MarketSeries.Add(new Core.Market.MarketSeriesPoint { Source = "zillow", Region = "Seattle, WA", Segment = "", Metric = "zhvi", Month = new DateOnly(2025, 1, 1), Value = 800_000 });
        await db.SaveChangesAsync();
    }

    private static async Task<JorgeDbContextFactory> StoreAsync(StoreProvider provider)
    {
        var factory = await TestStores.CreateMigratedAsync(provider);
        await SeedLeadsAsync(factory);
        return factory;
    }

    private static ServiceProvider Replica(StoreConnection connection)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJorgeStore(connection);
        services.AddContractTestPlugins();
        services.AddJorgeAgent();
        return services.BuildServiceProvider();
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Clarification_asked_by_one_replica_is_answered_on_another(StoreProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await StoreAsync(provider);
        await using var first = Replica(store.Connection);
        await using var second = Replica(store.Connection);
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

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Fuzzy_names_and_regions_come_from_the_store(StoreProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await StoreAsync(provider);
        await using var services = Replica(store.Connection);
        var copilot = services.GetRequiredService<ICopilot>();
        var score = await copilot.AskAsync(new CopilotRequest("c2", "hw hot is hana schmidt", "web"), ct);
        Convert.ToInt64(score.ToolCalls.ShouldHaveSingleItem().Arguments["leadId"]).ShouldBe(102);
        var market = await copilot.AskAsync(new CopilotRequest("c3", "hows the seattle mkt", "web"), ct);
        market.ToolCalls.ShouldHaveSingleItem().Arguments["region"].ShouldBe("Seattle, WA");
    }
}
