using System.Net;
using System.Text.Json;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.LeadScoring;
using JorgeCopilot.IntegrationTests.Infrastructure;

namespace JorgeCopilot.IntegrationTests.LeadScoring;

/// <summary>The served champion follows the store's outcomes of leads created after its training rows.</summary>
public sealed class RecalibratedServingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Outcomes_of_later_leads_that_convert_more_raise_the_served_probability_of_the_same_lead()
    {
        var store = await BankMarketingStore.CreateAsync(StoreProvider.Sqlite);
        var lead = store.LeadIds[7];
        var before = await ScoreAsync(store, lead);

        // Later bank-marketing rows (not the sampled ones) with their real outcomes: they convert several times more.
        var registry = BankMarketingStore.Registry(store.Factory);
        var champion = (await registry.GetChampionSummaryAsync(LeadScoringTrainer.TaskName, Ct))!;
        var model = LeadScoringModel.Load((await registry.GetAsync(LeadScoringTrainer.TaskName, champion.Version, Ct))!.ModelBytes);
        var through = model.Artifact.TrainedThrough.ShouldNotBeNull();
        var mapping = LeadScoringEvalSuite.Mapping("bank-marketing.map.json");
        var sampled = BankMarketingStore.SampleRows().Select(r => r.Order).ToHashSet();
        var later = MappedLeadExport.Read(BankMarketingStore.DataPath(), mapping).Examples
            .Where(e => !sampled.Contains(e.Order) && e.Order % 7 == 0)
            .Select(BankMarketingStore.ToLead).Where(l => l.CreatedAt > through).Take(600).ToList();
        later.Count.ShouldBeGreaterThanOrEqualTo(RollingRecalibration.DefaultMinimumRows);
        await using (var db = store.Factory.CreateDbContext())
        {
            db.Leads.AddRange(later);
            await db.SaveChangesAsync(Ct);
        }

        var after = await ScoreAsync(store, lead);
        after.Probability.ShouldBeGreaterThan(before.Probability);
        after.Low.ShouldBeLessThanOrEqualTo(after.Probability);
        after.High.ShouldBeGreaterThanOrEqualTo(after.Probability);
    }

    /// <summary>A fresh host each time, so nothing cached from the first score is reused.</summary>
    private static async Task<(double Probability, double Low, double High)> ScoreAsync(BankMarketingStore store, long lead)
    {
        await using var api = new JorgeApiFactory(store.ConnectionString);
        using var client = api.CreateClient();
        var response = await client.GetAsync($"/api/v1/leads/{lead}/score", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var body = json.RootElement;
        return (body.GetProperty("probabilityPercent").GetDouble(), body.GetProperty("lowPercent").GetDouble(), body.GetProperty("highPercent").GetDouble());
    }
}
