using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Properties;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.Forecasting;

public sealed class ForecastingEndpointsTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Deal_history_is_seeded_once_marked_generated_and_drives_the_revenue_forecast(StoreProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = await JorgeApiFactory.ForStoreAsync(provider);
        using var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<JorgeDbContextFactory>();
        await store.MigrateAsync(ct);
        await SeedSalesAndLeadsAsync(store, ct);

        using var response = await client.GetAsync("/api/v1/forecast/revenue?monthsAhead=4", ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var forecast = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        forecast.GetProperty("chart").GetProperty("x").GetArrayLength().ShouldBe(4);
        forecast.GetProperty("provenance").GetString()!.ShouldContain("generated");

        await using var db = store.CreateDbContext();
        var deals = await db.Deals.AsNoTracking().ToListAsync(ct);
        deals.ShouldNotBeEmpty();
        deals.ShouldAllBe(d => d.IsGenerated);
        deals.Count(d => d.LostFromStage != null).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Goal_without_a_date_is_a_bad_request_problem()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/v1/forecast/goal?amount=100000", ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    /// <summary>Two years of sales (about 300 a month, so a few are his each month) and a few converted leads.</summary>
    private static async Task SeedSalesAndLeadsAsync(JorgeDbContextFactory store, CancellationToken ct)
    {
        await using var db = store.CreateDbContext();
        var random = new Random(4);
        var start = new DateOnly(2014, 5, 1);
        for (var i = 0; i < 4000; i++)
        {
            var property = new Property { ParcelId = $"T{i:D6}" };
            property.Sales.Add(new Sale { SaleDate = start.AddDays(random.Next(0, 390)), SalePrice = 300_000 + random.Next(0, 600_000) });
            db.Properties.Add(property);
        }

        for (var i = 0; i < 5; i++)
        {
            var lead = new Lead { Source = "test", ExternalId = $"L{i}", DisplayName = $"Lead {i}", SourceRow = i };
            lead.Outcomes.Add(new LeadOutcome { Key = $"o{i}", Converted = true });
            db.Leads.Add(lead);
        }

        await db.SaveChangesAsync(ct);
    }
}
