using System.Net.Http.Json;
using JorgeCopilot.Core.Deals;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using JorgeCopilot.Intelligence.Forecasting;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.Forecasting;

public sealed class LeakageEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task A_lead_whose_latest_outcome_is_not_converted_counts_as_lost_even_while_its_crm_stage_is_new(StoreProvider provider)
    {
        await using var factory = await JorgeApiFactory.ForStoreAsync(provider);
        using var client = factory.CreateClient();
        await SeedAsync(factory.Services.GetRequiredService<JorgeDbContextFactory>());

        var leakage = await client.GetFromJsonAsync<RevenueLeakage>("/api/v1/business/leakage", Ct);

        var sms = leakage!.Points.Single(p => p.Where.StartsWith("lead", StringComparison.Ordinal) && p.Segment == "sms");
        sms.Entered.ShouldBe(5);
        sms.Lost.ShouldBe(3); // two not-converted outcomes, one converted and then lost later, not the open or converted ones
        var email = leakage.Points.Single(p => p.Segment == "email");
        (email.Entered, email.Lost).ShouldBe((1, 1)); // lost by its CRM stage, no outcome recorded
        leakage.Points.Single(p => p.Where == "deal: open → under contract").Lost.ShouldBe(1);
    }

    private static async Task SeedAsync(JorgeDbContextFactory store)
    {
        await store.MigrateAsync(Ct);
        await using var db = store.CreateDbContext();
        var leads = Enumerable.Range(0, 6).Select(i => new Lead
        {
            Source = "crm", ExternalId = $"L-{i}", DisplayName = $"Lead {i}", Channel = i < 5 ? "sms" : "email",
            Stage = i == 5 ? LeadStages.Lost : LeadStages.New,
        }).ToList();
        db.Leads.AddRange(leads);
        await db.SaveChangesAsync(Ct);
        var day = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        db.LeadOutcomes.AddRange(
            new LeadOutcome { Key = "o-0", LeadId = leads[0].Id, Converted = false, OccurredAt = day },
            new LeadOutcome { Key = "o-1", LeadId = leads[1].Id, Converted = false, OccurredAt = day },
            new LeadOutcome { Key = "o-2", LeadId = leads[2].Id, Converted = true, OccurredAt = day },
            new LeadOutcome { Key = "o-3a", LeadId = leads[3].Id, Converted = true, OccurredAt = day },
            new LeadOutcome { Key = "o-3b", LeadId = leads[3].Id, Converted = false, OccurredAt = day.AddDays(20) });
        // Forecasting needs three closed deals before it answers at all.
        db.Deals.AddRange(Enumerable.Range(1, 3).Select(i => new Deal
        {
            ExternalId = $"D-{i}", LeadId = leads[2].Id, Stage = DealStages.Closed, ClosedOn = new DateOnly(2025, 4, i), Value = 400_000,
            CommissionRate = 0.025m, Commission = 10_000, CreatedAt = day,
        }));
        db.Deals.Add(
            new Deal
            {
                ExternalId = "D-4", LeadId = leads[3].Id, Stage = DealStages.Lost, Value = 300_000, CommissionRate = 0.025m, CreatedAt = day,
            });
        await db.SaveChangesAsync(Ct);
    }
}
