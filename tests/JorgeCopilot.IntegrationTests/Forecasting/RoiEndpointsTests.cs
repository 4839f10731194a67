using System.Net.Http.Json;
using JorgeCopilot.Core.Business;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Deals;
using JorgeCopilot.Core.Import;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using JorgeCopilot.Intelligence.Forecasting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.Forecasting;

public sealed class RoiEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task An_imported_cost_table_gives_revenue_per_dollar_and_per_hour_for_the_months_it_covers(StoreProvider provider)
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(provider);
        using var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<JorgeDbContextFactory>();
        await SeedDealsAsync(store);
        var costs = Write("category,name,month,amount,hours,lead_source\n"
            + "source,zillow,2025-03-01,2000,,\n"
            + "activity,showings,2025-03-01,,20,zillow\n"
            + "activity,admin,2025-03-01,,20,\n");

        var imported = await Importer(factory).ImportAsync(ImportKinds.Costs, costs, Map(factory), null, Ct);
        var roi = await client.GetFromJsonAsync<SourceRoiResult>("/api/v1/business/roi/sources", Ct);
        var time = await client.GetFromJsonAsync<TimeAllocation>("/api/v1/business/time-allocation", Ct);

        imported.RowsAdded.ShouldBe(3);
        var zillow = roi!.BySource.Single(s => s.Source == "zillow");
        zillow.Revenue.ShouldBe(12_000); // two closings, one of them outside the cost window
        zillow.WindowRevenue.ShouldBe(8_000);
        zillow.RevenuePerDollar.ShouldBe(4);
        zillow.RevenuePerHour.ShouldBe(400);
        roi.BySource.Single(s => s.Source == "open house").RevenuePerDollar.ShouldBeNull();
        time!.HoursFrom.ShouldBe("activity log");
        time.Activities.Select(a => a.Activity).ShouldBe(["showings", "admin"], ignoreOrder: true);
        time.Activities.Single(a => a.Activity == "admin").Revenue.ShouldBeNull();
    }

    [Fact]
    public async Task A_negative_amount_stops_the_cost_import_with_its_line_and_imports_nothing()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        var store = factory.Services.GetRequiredService<JorgeDbContextFactory>();
        await store.MigrateAsync(Ct);
        var costs = Write("category,name,month,amount,hours,lead_source\nsource,zillow,2025-03-01,2000,,\nsource,zillow,2025-04-01,-5,,\n");

        var error = await Should.ThrowAsync<ImportException>(() => Importer(factory).ImportAsync(ImportKinds.Costs, costs, Map(factory), null, Ct));

        error.Line.ShouldBe(3);
        error.Column.ShouldBe("amount");
        await using var db = store.CreateDbContext();
        (await db.BusinessCosts.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Without_costs_the_source_answer_says_they_are_unknown_and_time_allocation_says_what_to_import()
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        using var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<JorgeDbContextFactory>();
        await SeedDealsAsync(store);

        var roi = await client.GetFromJsonAsync<SourceRoiResult>("/api/v1/business/roi/sources", Ct);
        var time = await client.GetFromJsonAsync<TimeAllocation>("/api/v1/business/time-allocation", Ct);

        roi!.CostsKnown.ShouldBeFalse();
        roi.Notes.ShouldContain("No cost table imported");
        roi.BySource.ShouldAllBe(s => s.RevenuePerDollar == null);
        time!.HoursFrom.ShouldBe("none");
        time.Notes.ShouldContain("import an activity log");
    }

    private static ImportService Importer(JorgeApiFactory factory) => factory.Services.GetRequiredService<ImportService>();

    private static string Map(JorgeApiFactory factory) => factory.Services.GetRequiredService<DataLocator>().Bundled("business-costs", "costs.map.json");

    private static string Write(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"costs-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Ten zillow leads (two closings: March and June 2025) and five open-house leads (one closing in March).</summary>
    private static async Task SeedDealsAsync(JorgeDbContextFactory store)
    {
        await using var db = store.CreateDbContext();
        var leads = Enumerable.Range(0, 15).Select(i => new Lead
        {
            Source = "crm", ExternalId = $"L-{i}", DisplayName = $"Lead {i}", Attributes = { ["lead_source"] = i < 10 ? "zillow" : "open house" },
        }).ToList();
        db.Leads.AddRange(leads);
        await db.SaveChangesAsync(Ct);
        db.Deals.AddRange(
            Closed("D-1", leads[0].Id, new DateOnly(2025, 3, 14), 8_000),
            Closed("D-2", leads[1].Id, new DateOnly(2025, 6, 2), 4_000),
            Closed("D-3", leads[10].Id, new DateOnly(2025, 3, 20), 6_000));
        await db.SaveChangesAsync(Ct);
    }

    private static Deal Closed(string id, long leadId, DateOnly on, decimal commission) => new()
    {
        ExternalId = id, LeadId = leadId, Stage = DealStages.Closed, ClosedOn = on, Value = commission * 40, CommissionRate = 0.025m, Commission = commission,
        CreatedAt = on.AddDays(-60).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
    };
}
