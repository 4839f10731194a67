using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JorgeCopilot.Core.Import;
using JorgeCopilot.Core.Market;
using JorgeCopilot.Core.Properties;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using JorgeCopilot.Intelligence.Market;
using JorgeCopilot.Intelligence.Pricing;
using JorgeCopilot.Testing;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace JorgeCopilot.IntegrationTests.Pricing;

public sealed class PricingEndpointsTests
{
    private static readonly List<HomeSale> Sales = SyntheticSales.Generate(500, seed: 11);

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Pricing_and_market_endpoints_answer_from_the_store_and_the_champion_model(StoreProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = await JorgeApiFactory.ForStoreAsync(provider);
        using var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<JorgeDbContextFactory>();
        await store.MigrateAsync(ct);
        var sales = Sales;
        await SeedAsync(store, sales, ct);

        (await client.GetAsync("/api/v1/pricing/value?address=" + sales[3].ParcelId, ct)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        // Trained from the store's sales and registered through the shared registry, twice: the second run is measured
        // against the champion on the same held-out parcels and, being no better, stays a challenger.
        var trainer = new PricingTrainer(
            factory.Services.GetRequiredService<IDbContextFactory<JorgeDbContext>>(),
            factory.Services.GetRequiredService<IModelRegistry>(),
            factory.Services.GetRequiredService<DataLocator>(),
            NullLogger<PricingTrainer>.Instance)
        {
            Options = SyntheticSales.QuickOptions(outOfFold: true) with { Calibration = ConformalMode.Recent },
            HoldoutOptions = SyntheticSales.QuickOptions(),
        };
        var firstRun = await trainer.TrainAsync(new TrainingRequest(), null, ct);
        firstRun.Version.ShouldBe(1);
        firstRun.PromotedToChampion.ShouldBeTrue();
        var secondRun = await trainer.TrainAsync(new TrainingRequest(), null, ct);
        secondRun.Version.ShouldBe(2);
        secondRun.PromotedToChampion.ShouldBeFalse();
        secondRun.Metrics.ShouldContainKey("champion_mdape");
        var models = await client.GetFromJsonAsync<JsonElement>("/api/v1/models/pricing", ct);
        models.GetProperty("versions").GetArrayLength().ShouldBe(2);
        using (var healthResponse = await client.GetAsync("/health", ct))
        {
            var health = await healthResponse.Content.ReadFromJsonAsync<JsonElement>(ct);
            var pricing = health.GetProperty("checks").GetProperty("models").GetProperty("data").GetProperty("pricing");
            pricing.GetProperty("status").GetString().ShouldBe("healthy");
            pricing.GetProperty("description").GetString()!.ShouldStartWith("champion v1 loaded");
        }

        var value = await client.GetFromJsonAsync<JsonElement>("/api/v1/pricing/value?address=" + sales[3].ParcelId, ct);
        var estimate = value.GetProperty("estimate");
        estimate.GetProperty("value").GetDouble().ShouldBeInRange(estimate.GetProperty("low80").GetDouble(), estimate.GetProperty("high80").GetDouble());
        value.GetProperty("comparables").GetArrayLength().ShouldBeInRange(5, 10);

        var byZip = await client.GetAsync($"/api/v1/pricing/value?zip={sales[3].Home.Zip}&bedrooms=3&sqft=1800", ct);
        byZip.StatusCode.ShouldBe(HttpStatusCode.OK);

        await ShouldBeProblemAsync(await client.GetAsync("/api/v1/pricing/value", ct), HttpStatusCode.BadRequest);
        await ShouldBeProblemAsync(await client.GetAsync("/api/v1/pricing/value?address=no-such-home", ct), HttpStatusCode.NotFound);
        await ShouldBeProblemAsync(await client.GetAsync("/api/v1/pricing/value?zip=98101&sqft=-5", ct), HttpStatusCode.BadRequest);
        await ShouldBeProblemAsync(await client.GetAsync("/api/v1/pricing/undervalued?limit=0", ct), HttpStatusCode.BadRequest);
        // An unknown ZIP is the same mistake in every pricing endpoint: the same 404, never an empty list.
        await ShouldBeProblemAsync(await client.GetAsync("/api/v1/pricing/undervalued?zip=00000", ct), HttpStatusCode.NotFound);
        await ShouldBeProblemAsync(await client.GetAsync("/api/v1/pricing/value?zip=00000", ct), HttpStatusCode.NotFound);

        var advice = await client.GetFromJsonAsync<JsonElement>("/api/v1/pricing/list-price?address=" + sales[3].ParcelId, ct);
        advice.GetProperty("rangeLow").GetDouble().ShouldBeLessThanOrEqualTo(advice.GetProperty("listPrice").GetDouble());
        advice.GetProperty("rangeHigh").GetDouble().ShouldBeGreaterThanOrEqualTo(advice.GetProperty("listPrice").GetDouble());
        advice.GetProperty("valuation").GetProperty("comparables").GetArrayLength().ShouldBeInRange(5, 10);
        advice.GetProperty("market").GetProperty("saleToList").GetDouble().ShouldBe(1.01, 1e-9);
        advice.GetProperty("daysToSell").GetProperty("basis").GetString().ShouldBe("market");
        advice.GetProperty("daysToSell").GetProperty("method").GetString()!.ShouldContain("market level");

        var days = await client.GetFromJsonAsync<JsonElement>($"/api/v1/pricing/days-to-sell?address={sales[3].ParcelId}&listPrice={sales[3].Price * 2}", ct);
        days.GetProperty("days").GetDouble().ShouldBeGreaterThan(days.GetProperty("marketDaysToPending").GetDouble());

        var undervalued = await client.GetFromJsonAsync<JsonElement>("/api/v1/pricing/undervalued?limit=3", ct);
        undervalued.GetArrayLength().ShouldBeInRange(1, 3);

        var trends = await client.GetFromJsonAsync<JsonElement>("/api/v1/market/trends?region=seattle", ct);
        trends.GetProperty("region").GetString().ShouldBe("Seattle, WA");
        await ShouldBeProblemAsync(await client.GetAsync("/api/v1/market/trends?region=Atlantis", ct), HttpStatusCode.NotFound);

        var first = await client.PostAsync("/api/v1/market/alerts?limit=5", null, ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var firstKeys = (await first.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("raised").EnumerateArray().Select(a => a.GetProperty("key").GetString()).ToList();
        firstKeys.ShouldNotBeEmpty();
        var second = await (await client.PostAsync("/api/v1/market/alerts?limit=50", null, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        var secondKeys = second.GetProperty("raised").EnumerateArray().Select(a => a.GetProperty("key").GetString()).ToList();
        secondKeys.Intersect(firstKeys).ShouldBeEmpty();
        second.GetProperty("alreadyRaised").GetInt32().ShouldBeGreaterThanOrEqualTo(firstKeys.Count);
        var history = await client.GetFromJsonAsync<JsonElement>("/api/v1/market/alerts?limit=500", ct);
        history.GetArrayLength().ShouldBe(firstKeys.Count + secondKeys.Count);

        var noShare = await client.GetAsync("/api/v1/market/share", ct);
        (await ShouldBeProblemAsync(noShare, HttpStatusCode.NotFound)).ShouldContain("No listing data");
        await ShouldBeProblemAsync(await client.GetAsync("/api/v1/market/share?by=planet", ct), HttpStatusCode.BadRequest);

        var (csv, map) = WriteListingExport(sales);
        var import = await factory.Services.GetRequiredService<ImportService>().ImportAsync(ListingExportImporter.KindName, csv, map, progress: null, ct);
        import.RowsRead.ShouldBe(30);
        var share = await client.GetFromJsonAsync<JsonElement>("/api/v1/market/share?by=brokerage", ct);
        share.GetProperty("transactions").GetInt32().ShouldBe(30);
        share.GetProperty("positioning").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldBe(["Acme Realty", "Blue Door"], ignoreOrder: true);
    }

    private static async Task<string> ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task SeedAsync(JorgeDbContextFactory store, List<HomeSale> sales, CancellationToken ct)
    {
        await using var db = store.CreateDbContext();
        foreach (var s in sales.Take(300))
        {
            db.Properties.Add(new Property
            {
                ParcelId = s.ParcelId,
                Zip = s.Home.Zip,
                Latitude = s.Home.Latitude,
                Longitude = s.Home.Longitude,
                Bedrooms = s.Home.Bedrooms,
                Bathrooms = s.Home.Bathrooms,
                LivingSqft = s.Home.LivingSqft,
                LotSqft = s.Home.LotSqft,
                Floors = s.Home.Floors,
                YearBuilt = (int)s.Home.YearBuilt,
                Condition = (int)s.Home.Condition,
                Grade = (int)s.Home.Grade,
                View = 0,
                Waterfront = false,
                AboveSqft = s.Home.AboveSqft,
                BasementSqft = 0,
                Sales = [new Sale { SaleDate = s.SaleDate, SalePrice = (decimal)s.Price, Source = "synthetic" }],
            });
        }

        var start = new DateOnly(2019, 1, 1);
        for (var i = 0; i < 48; i++)
        {
            var month = start.AddMonths(i);
            var season = Math.Sin(2 * Math.PI * i / 12);
            db.MarketSeries.Add(Point("zillow", "Seattle, WA", "zhvi", month, 600_000 * Math.Pow(1.005, i) * (1 + 0.01 * season) * (i == 44 ? 1.2 : 1)));
            db.MarketSeries.Add(Point("zillow", "Seattle, WA", "days_to_pending", month, 20 + 8 * season));
            db.MarketSeries.Add(Point("zillow", "Seattle, WA", "days_to_close", month, 30));
            db.MarketSeries.Add(Point("zillow", "Seattle, WA", "sales_count", month, 4000 + 800 * season));
            db.MarketSeries.Add(Point("zillow", "Seattle, WA", "pct_sold_above_list", month, 0.4));
            db.MarketSeries.Add(Point("zillow", "Seattle, WA", "pct_sold_below_list", month, 0.35));
            db.MarketSeries.Add(Point("redfin", "National", "avg_sale_to_list", month, 1.01, "All Residential|nsa"));
        }

        await db.SaveChangesAsync(ct);
    }

    private static MarketSeriesPoint Point(string source, string region, string metric, DateOnly month, double value, string segment = "") =>
        new() { Source = source, Region = region, Metric = metric, Month = month, Value = value, Segment = segment };

    private static (string Csv, string Map) WriteListingExport(List<HomeSale> sales)
    {
        var dir = Directory.CreateTempSubdirectory("jorge-listings-").FullName;
        var lines = new List<string> { "mls_id,zip,list_date,list_price,close_date,close_price,agent,office" };
        for (var i = 0; i < 30; i++)
        {
            var s = sales[100 + i];
            var office = i % 3 == 0 ? "Blue Door" : "Acme Realty";
            lines.Add(string.Join(",", "MLS" + i.ToString(CultureInfo.InvariantCulture), s.Home.Zip, s.SaleDate.AddDays(-20 - i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                (s.Price * 1.02).ToString("F0", CultureInfo.InvariantCulture), s.SaleDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                s.Price.ToString("F0", CultureInfo.InvariantCulture), "Agent " + (i % 4).ToString(CultureInfo.InvariantCulture), office));
        }

        var csv = Path.Combine(dir, "listings.csv");
        File.WriteAllLines(csv, lines);
        var map = Path.Combine(dir, "listings.map.json");
        File.WriteAllText(map, ListingImportTests.Map);
        return (csv, map);
    }
}
