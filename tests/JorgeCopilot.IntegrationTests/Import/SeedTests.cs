using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.Import;

/// <summary>The seeded workspace holds exactly the rows each bundled PROVENANCE.md describes, on both providers.</summary>
public sealed class SeedTests(SeededStoresFixture fixture) : IClassFixture<SeededStoresFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Bank_marketing_becomes_leads_with_outcomes_dates_and_generated_names(StoreProvider provider)
    {
        var store = await fixture.GetAsync(provider);
        await using var db = store.Factory.CreateDbContext();

        (await db.Leads.CountAsync(l => l.Source == "bank-marketing", Ct)).ShouldBe(41_188);
        (await db.LeadOutcomes.CountAsync(Ct)).ShouldBe(41_188);
        (await db.LeadOutcomes.CountAsync(o => o.Converted, Ct)).ShouldBe(4_640);
        var first = await db.Leads.SingleAsync(l => l.ExternalId == "row-000001", Ct);
        first.SourceRow.ShouldBe(1);
        first.Channel.ShouldBe("telephone");
        first.CreatedAt.ShouldBe(new DateTime(2008, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        first.NameIsGenerated.ShouldBeTrue();
        first.IsDemo.ShouldBeTrue();
        (await db.Leads.CountAsync(l => !l.IsDemo, Ct)).ShouldBe(0);
        first.Attributes["age"].ShouldBe("56");
        first.Attributes.ShouldNotContainKey("duration");
        first.Attributes.ShouldNotContainKey("y");
        var last = await db.Leads.SingleAsync(l => l.ExternalId == "row-041188", Ct);
        last.CreatedAt.ShouldBe(new DateTime(2010, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        var outcome = await db.LeadOutcomes.SingleAsync(o => o.Key == "bank-marketing:row-041188", Ct);
        outcome.LeadId.ShouldBe(last.Id);
        outcome.OccurredAt.ShouldBe(last.CreatedAt);
        // Common surnames are shared on purpose, so name lookups meet real ambiguity.
        (await db.Leads.CountAsync(l => l.DisplayName.EndsWith(" Garcia"), Ct)).ShouldBeGreaterThan(500);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task King_county_becomes_properties_with_their_sales(StoreProvider provider)
    {
        var store = await fixture.GetAsync(provider);
        await using var db = store.Factory.CreateDbContext();

        (await db.Properties.CountAsync(Ct)).ShouldBe(21_436);
        (await db.Sales.CountAsync(Ct)).ShouldBe(21_613);
        // 21,613 - 21,436 = 177 repeat sales: 175 parcels sold twice and one sold three times.
        (await db.Properties.CountAsync(p => p.Sales.Count == 2, Ct)).ShouldBe(175);
        (await db.Properties.CountAsync(p => p.Sales.Count == 3, Ct)).ShouldBe(1);
        var home = await db.Properties.Include(p => p.Sales).SingleAsync(p => p.ParcelId == "7129300520", Ct);
        home.Zip.ShouldBe("98178");
        home.Bedrooms.ShouldBe(3);
        home.YearRenovated.ShouldBeNull();
        home.Address.ShouldBeNull();
        home.Sales.Single().SaleDate.ShouldBe(new DateOnly(2014, 10, 13));
        home.Sales.Single().SalePrice.ShouldBe(221_900m);
        var mean = (await db.Sales.Select(s => s.SalePrice).ToListAsync(Ct)).Average();
        Math.Round(mean!.Value, 2).ShouldBe(540_088.14m);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Market_series_match_the_provenance_counts(StoreProvider provider)
    {
        var store = await fixture.GetAsync(provider);
        await using var db = store.Factory.CreateDbContext();
        var counts = await db.MarketSeries.GroupBy(p => new { p.Source, p.Metric }).Select(g => new { g.Key.Source, g.Key.Metric, Count = g.Count() })
            .ToDictionaryAsync(x => (x.Source, x.Metric), x => x.Count, Ct);

        counts[("census", "new_home_sales")].ShouldBe(685);
        counts.Where(c => c.Key.Source == "redfin").Sum(c => c.Value).ShouldBe(1_606 * 14);
        (await db.MarketSeries.Where(p => p.Source == "redfin").Select(p => new { p.Segment, p.Month }).Distinct().CountAsync(Ct)).ShouldBe(1_606);
        counts[("zillow", "zhvi")].ShouldBe(206_704);
        counts[("zillow", "sales_count")].ShouldBe(17_378);
        counts[("zillow", "days_to_pending")].ShouldBe(35_280);
        counts[("zillow", "days_to_close")].ShouldBe(29_950);
        counts[("zillow", "pct_sold_above_list")].ShouldBe(29_909);
        counts[("zillow", "pct_sold_below_list")].ShouldBe(29_995);
        (await db.MarketSeries.Where(p => p.Source == "zillow" && p.Metric == "zhvi").Select(p => p.Region).Distinct().CountAsync(Ct)).ShouldBe(895);
        var seattle = await db.MarketSeries.SingleAsync(p => p.Source == "zillow" && p.Metric == "days_to_pending"
            && p.Region == "Seattle, WA" && p.Month == new DateOnly(2018, 3, 1), Ct);
        seattle.Value.ShouldBeGreaterThan(0);
        (await db.MarketSeries.CountAsync(p => p.Source == "redfin" && p.Segment == "All Residential|nsa" && p.Metric == "median_dom", Ct)).ShouldBe(146);
        (await db.MarketSeries.MinAsync(p => p.Month, Ct)).Day.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Conversation_corpora_keep_turns_outcomes_and_labels(StoreProvider provider)
    {
        var store = await fixture.GetAsync(provider);
        await using var db = store.Factory.CreateDbContext();

        (await db.Conversations.CountAsync(c => c.Corpus == "persuasion-for-good", Ct)).ShouldBe(1_017);
        (await db.ConversationTurns.CountAsync(t => t.Conversation!.Corpus == "persuasion-for-good", Ct)).ShouldBe(20_932);
        (await db.Conversations.CountAsync(c => c.Corpus == "persuasion-for-good" && c.Succeeded == true, Ct)).ShouldBe(545);
        (await db.Conversations.Where(c => c.Corpus == "persuasion-for-good").MaxAsync(c => c.OutcomeValue, Ct)).ShouldBe(2);
        (await db.Conversations.CountAsync(c => c.Corpus == "casino", Ct)).ShouldBe(1_030);
        (await db.ConversationTurns.CountAsync(t => t.Conversation!.Corpus == "casino", Ct)).ShouldBe(14_297);
        (await db.Conversations.CountAsync(c => c.Corpus == "casino" && c.Succeeded == false, Ct)).ShouldBe(25);

        var turns = await db.ConversationTurns.Where(t => t.Conversation!.Corpus == "persuasion-for-good")
            .Select(t => new { t.ConversationId, t.Labels }).ToListAsync(Ct);
        turns.Select(t => t.ConversationId).Where((_, i) => turns[i].Labels.Count > 0).Distinct().Count().ShouldBe(300);
        turns.SelectMany(t => t.Labels).ShouldContain("credibility-appeal");
        var first = await db.ConversationTurns.Where(t => t.Conversation!.ExternalId == "20180904-045349_715_live").OrderBy(t => t.Index).FirstAsync(Ct);
        first.SpeakerRole.ShouldBe("persuader");
        first.Text.ShouldBe("Good morning. How are you doing today?");
        var casinoLabels = await db.ConversationTurns.Where(t => t.Conversation!.Corpus == "casino").Select(t => t.Labels).ToListAsync(Ct);
        casinoLabels.SelectMany(l => l).ShouldContain("self-need");
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Seeding_twice_adds_nothing_and_records_every_import(StoreProvider provider)
    {
        var store = await fixture.GetAsync(provider);
        await using var db = store.Factory.CreateDbContext();

        store.WasEmptyBefore.ShouldBeTrue();
        store.First.Steps.Count.ShouldBe(WorkspaceSeeder.Plan.Count);
        store.First.Steps.Sum(s => s.RowsAdded).ShouldBe(535_086);
        store.Second.Steps.Sum(s => s.RowsAdded).ShouldBe(0);
        store.Second.Steps.Sum(s => s.RowsUpdated).ShouldBe(535_086);
        (await db.ImportRecords.CountAsync(Ct)).ShouldBe(2 * WorkspaceSeeder.Plan.Count);
        (await store.Services.GetRequiredService<IWorkspaceSeeder>().IsEmptyAsync(Ct)).ShouldBeFalse();
        store.FirstDuration.ShouldBeLessThan(TimeSpan.FromMinutes(3));
    }
}
