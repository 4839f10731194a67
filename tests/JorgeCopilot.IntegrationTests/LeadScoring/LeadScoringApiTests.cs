using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Monitoring;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.LeadScoring;

/// <summary>The lead-scoring REST API over a real store (SQLite and PostgreSQL) with a small model trained on real rows.</summary>
public sealed class LeadScoringApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.Clone();
    }

    private static async Task ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        response.StatusCode.ShouldBe(expected);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await JsonAsync(response);
        problem.GetProperty("status").GetInt32().ShouldBe((int)expected);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Scores_a_lead_with_interval_band_reasons_and_version_and_logs_it(StoreProvider provider)
    {
        var store = await BankMarketingStore.ForAsync(provider);
        await using var api = new JorgeApiFactory(store.ConnectionString);
        using var client = api.CreateClient();
        var id = store.LeadIds[7];

        var response = await client.GetAsync($"/api/v1/leads/{id}/score", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await JsonAsync(response);
        var p = body.GetProperty("probabilityPercent").GetDouble();
        p.ShouldBeInRange(0, 100);
        body.GetProperty("lowPercent").GetDouble().ShouldBeLessThanOrEqualTo(p);
        body.GetProperty("highPercent").GetDouble().ShouldBeGreaterThanOrEqualTo(p);
        body.GetProperty("band").GetString().ShouldBeOneOf("hot", "warm", "cold");
        body.GetProperty("topReasons").GetArrayLength().ShouldBeGreaterThan(0);
        body.GetProperty("topReasons")[0].GetProperty("text").GetString()!.ShouldContain("pts");
        body.GetProperty("modelVersion").GetInt32().ShouldBeGreaterThanOrEqualTo(1);

        // The row is queued by the request and saved by the batch writer.
        await api.Services.GetRequiredService<PredictionLogger>().FlushAsync(Ct);
        await using var db = store.Factory.CreateDbContext();
        (await db.PredictionLog.CountAsync(l => l.SubjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Health_reports_the_loaded_champion()
    {
        var store = await BankMarketingStore.ForAsync(StoreProvider.Sqlite);
        await using var api = new JorgeApiFactory(store.ConnectionString);
        using var client = api.CreateClient();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative), Ct);
        var body = await JsonAsync(response);
        var leadScoring = body.GetProperty("checks").GetProperty("models").GetProperty("data").GetProperty("lead-scoring");
        leadScoring.GetProperty("status").GetString().ShouldBe("healthy", body.ToString());
        leadScoring.GetProperty("description").GetString()!.ShouldStartWith("champion v");
        leadScoring.GetProperty("data").GetProperty("version").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Unknown_lead_is_404_and_a_lead_without_data_is_422(StoreProvider provider)
    {
        var store = await BankMarketingStore.ForAsync(provider);
        await using var api = new JorgeApiFactory(store.ConnectionString);
        using var client = api.CreateClient();
        await ProblemAsync(await client.GetAsync("/api/v1/leads/987654321/score", Ct), HttpStatusCode.NotFound);
        await ProblemAsync(await client.GetAsync($"/api/v1/leads/{store.EmptyLeadId}/score", Ct), HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Top_leads_are_ranked_and_the_limit_is_validated(StoreProvider provider)
    {
        var store = await BankMarketingStore.ForAsync(provider);
        await using var api = new JorgeApiFactory(store.ConnectionString);
        using var client = api.CreateClient();
        var response = await client.GetAsync("/api/v1/leads/top?limit=5", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var leads = (await JsonAsync(response)).GetProperty("leads").EnumerateArray().ToList();
        leads.Count.ShouldBe(5);
        leads.Select(l => l.GetProperty("probabilityPercent").GetDouble()).ShouldBeInOrder(SortDirection.Descending);
        leads.ShouldAllBe(l => l.GetProperty("topReason").GetString() != null);
        await ProblemAsync(await client.GetAsync("/api/v1/leads/top?limit=0", Ct), HttpStatusCode.BadRequest);
        await ProblemAsync(await client.GetAsync("/api/v1/leads/top?limit=101", Ct), HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Model_report_lists_versions_metrics_and_drift_from_scoring_traffic(StoreProvider provider)
    {
        var store = await BankMarketingStore.ForAsync(provider);
        await using var api = new JorgeApiFactory(store.ConnectionString);
        using var client = api.CreateClient();
        foreach (var id in store.LeadIds.Take(60))
        {
            (await client.GetAsync($"/api/v1/leads/{id}/score", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var response = await client.GetAsync("/api/v1/models/lead-scoring", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await JsonAsync(response);
        report.GetProperty("championVersion").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        var version = report.GetProperty("versions")[0];
        version.GetProperty("metrics").GetProperty("auc").GetDouble().ShouldBeInRange(0.5, 1);
        var drift = report.GetProperty("drift");
        drift.GetProperty("sample").GetInt32().ShouldBeGreaterThanOrEqualTo(60);
        drift.GetProperty("features").GetArrayLength().ShouldBeGreaterThan(0);
        report.GetProperty("liveAccuracy").GetProperty("matched").GetInt32().ShouldBeGreaterThanOrEqualTo(60);
        await ProblemAsync(await client.GetAsync("/api/v1/models/no-such-task", Ct), HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Outcomes_are_idempotent_by_key_and_rejected_requests_write_nothing(StoreProvider provider)
    {
        var store = await BankMarketingStore.ForAsync(provider);
        await using var api = new JorgeApiFactory(store.ConnectionString);
        using var client = api.CreateClient();
        var key = "test:" + Guid.NewGuid().ToString("N");
        await using var db = store.Factory.CreateDbContext();
        // A lead already recorded as converted: another "converted" outcome leaves its training label as it was, so the
        // other tests sharing this store still train on the same data.
        var leadId = await db.LeadOutcomes.Where(o => o.Converted).OrderBy(o => o.LeadId).Select(o => o.LeadId).FirstAsync(Ct);
        var before = await db.LeadOutcomes.CountAsync(Ct);

        var first = await client.PostAsJsonAsync("/api/v1/outcomes", new { key, leadId, converted = true, value = 1200m }, Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var replay = await client.PostAsJsonAsync("/api/v1/outcomes", new { key, leadId, converted = true, value = 1200m }, Ct);
        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(replay)).GetProperty("replayed").GetBoolean().ShouldBeTrue();
        (await db.LeadOutcomes.CountAsync(o => o.Key == key, Ct)).ShouldBe(1);

        await ProblemAsync(await client.PostAsJsonAsync("/api/v1/outcomes", new { key, leadId, converted = false }, Ct), HttpStatusCode.Conflict);
        await ProblemAsync(await client.PostAsJsonAsync("/api/v1/outcomes", new { key = "test:unknown-lead", leadId = 987654321, converted = true }, Ct), HttpStatusCode.NotFound);
        await ProblemAsync(await client.PostAsJsonAsync("/api/v1/outcomes", new { key = "test:no-converted", leadId }, Ct), HttpStatusCode.BadRequest);
        await ProblemAsync(await client.PostAsync("/api/v1/outcomes", new StringContent("{\"key\": \"x\", \"leadId\": ", Encoding.UTF8, "application/json"), Ct), HttpStatusCode.BadRequest);
        (await db.LeadOutcomes.CountAsync(Ct)).ShouldBe(before + 1);
    }
}
