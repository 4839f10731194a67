using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.Pricing;

/// <summary><c>POST /api/v1/market/listings/import</c>: a competitor export in, market share out; a bad row writes nothing.</summary>
public sealed class ListingImportTests
{
    public const string Map = """
        {
          "kind": "listings",
          "format": { "type": "csv", "delimiter": ",", "header": true },
          "constants": { "source": "mls-export" },
          "fields": [
            { "column": "mls_id", "field": "parcelId", "type": "string", "required": true },
            { "column": "zip", "field": "zip", "type": "string" },
            { "column": "list_date", "field": "listDate", "type": "date", "format": "yyyy-MM-dd" },
            { "column": "list_price", "field": "listPrice", "type": "decimal" },
            { "column": "close_date", "field": "saleDate", "type": "date", "format": "yyyy-MM-dd" },
            { "column": "close_price", "field": "salePrice", "type": "decimal" },
            { "column": "agent", "field": "listingAgent", "type": "string" },
            { "column": "office", "field": "brokerage", "type": "string" }
          ],
          "naturalKey": ["parcelId", "saleDate"]
        }
        """;

    /// <summary>A small generated export: <paramref name="rows"/> closed listings, every third by "Blue Door".</summary>
    public static string Csv(int rows, string? badPriceOnRow = null)
    {
        var text = new StringBuilder("mls_id,zip,list_date,list_price,close_date,close_price,agent,office\n");
        var start = new DateOnly(2024, 1, 10);
        for (var i = 0; i < rows; i++)
        {
            var close = start.AddDays(9 * i);
            var price = badPriceOnRow is not null && i == rows - 1 ? badPriceOnRow : (500_000 + 7_000 * i).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"MLS{i},9810{i % 3},{close.AddDays(-25):yyyy-MM-dd},{510_000 + 7_000 * i},{close:yyyy-MM-dd},{price},Agent {i % 4},{(i % 3 == 0 ? "Blue Door" : "Acme Realty")}\n");
        }

        return text.ToString();
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task An_uploaded_export_feeds_market_share_and_a_bad_row_is_a_400_naming_line_and_column(StoreProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = await JorgeApiFactory.ForStoreAsync(provider);
        await factory.Services.GetRequiredService<JorgeDbContextFactory>().MigrateAsync(ct);
        using var client = factory.CreateClient();

        var bad = await client.PostAsync("/api/v1/market/listings/import", Upload(Csv(12, badPriceOnRow: "lots"), Map), ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(ct);
        problem.GetProperty("line").GetInt32().ShouldBe(13);
        problem.GetProperty("column").GetString().ShouldBe("close_price");
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<JorgeDbContext>>().CreateDbContextAsync(ct))
        {
            (await db.Sales.CountAsync(ct)).ShouldBe(0); // one transaction: the 11 good rows were not kept
        }

        (await client.PostAsync("/api/v1/market/listings/import", new StringContent("mls_id\n1"), ct)).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await client.PostAsync("/api/v1/market/listings/import", Upload(Csv(3), "{ not json"), ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var ok = await client.PostAsync("/api/v1/market/listings/import", Upload(Csv(12), Map), ct);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync(ct));
        var imported = await ok.Content.ReadFromJsonAsync<JsonElement>(ct);
        imported.GetProperty("rowsRead").GetInt32().ShouldBe(12);
        imported.GetProperty("rowsAdded").GetInt32().ShouldBe(12);
        var share = await client.GetFromJsonAsync<JsonElement>("/api/v1/market/share?by=brokerage", ct);
        share.GetProperty("transactions").GetInt32().ShouldBe(12);
        share.GetProperty("positioning").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Blue Door")
            .GetProperty("share").GetDouble().ShouldBe(4 / 12.0, 1e-9);
    }

    private static MultipartFormDataContent Upload(string csv, string map)
    {
        var content = new MultipartFormDataContent();
        var file = new StringContent(csv, Encoding.UTF8);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "mls-export.csv");
        content.Add(new StringContent(map, Encoding.UTF8, "application/json"), "map", "mls-export.map.json");
        return content;
    }
}
