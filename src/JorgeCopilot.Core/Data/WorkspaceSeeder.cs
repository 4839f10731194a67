using JorgeCopilot.Core.Import;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Core.Data;

/// <summary>
/// <c>jorge seed</c>: imports every bundled set through its mapping (data/&lt;set&gt;/*.map.json) with the same importer
/// as <c>jorge import</c>, so the demo workspace is built exactly the way Jorge's own files would be. Idempotent.
/// The leads it loads are marked <see cref="Leads.Lead.IsDemo"/> (<c>jorge seed --remove</c> deletes them).
/// </summary>
public sealed class WorkspaceSeeder(ImportService imports, DataLocator data, IDbContextFactory<JorgeDbContext> factory,
    Leads.LeadDirectoryChanges leadChanges) : IWorkspaceSeeder
{
    /// <summary>The seed plan in order (leads before their outcomes). Open Bandit is bundled for evals only.</summary>
    public static IReadOnlyList<(string DataSet, string Kind, string File, string Map)> Plan { get; } =
    [
        ("kc-house", ImportKinds.Properties, "kc_house_data.csv.gz", "properties.map.json"),
        ("bank-marketing", ImportKinds.Leads, "bank-additional-full.csv.gz", "leads.map.json"),
        ("bank-marketing", ImportKinds.Outcomes, "bank-additional-full.csv.gz", "outcomes.map.json"),
        ("us-new-home-sales", ImportKinds.Series, "HSN1FNSA.csv.gz", "series.map.json"),
        ("redfin-us-national-market-tracker", ImportKinds.Series, "us_national_market_tracker.tsv.gz", "series.map.json"),
        ("zillow-metro-monthly", ImportKinds.Series, "Metro_zhvi_uc_sfrcondo_tier_0.33_0.67_sm_sa_month.csv.gz", "series.zhvi.map.json"),
        ("zillow-metro-monthly", ImportKinds.Series, "Metro_sales_count_now_uc_sfrcondo_month.csv.gz", "series.sales-count.map.json"),
        ("zillow-metro-monthly", ImportKinds.Series, "Metro_mean_doz_pending_uc_sfrcondo_sm_month.csv.gz", "series.days-to-pending.map.json"),
        ("zillow-metro-monthly", ImportKinds.Series, "Metro_median_days_to_close.csv.gz", "series.days-to-close.map.json"),
        ("zillow-metro-monthly", ImportKinds.Series, "Metro_pct_sold_above_list.csv.gz", "series.pct-sold-above-list.map.json"),
        ("zillow-metro-monthly", ImportKinds.Series, "Metro_pct_sold_below_list.csv.gz", "series.pct-sold-below-list.map.json"),
        ("persuasion-for-good", ImportKinds.Conversations, "full_dialog.csv.gz", "conversations.map.json"),
        ("casino-negotiation", ImportKinds.Conversations, "casino_train.json.gz", "conversations.train.map.json"),
        ("casino-negotiation", ImportKinds.Conversations, "casino_valid.json.gz", "conversations.valid.map.json"),
        ("casino-negotiation", ImportKinds.Conversations, "casino_test.json.gz", "conversations.test.map.json"),
    ];

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return !await db.Leads.AnyAsync(cancellationToken)
            && !await db.Properties.AnyAsync(cancellationToken)
            && !await db.MarketSeries.AnyAsync(cancellationToken)
            && !await db.Conversations.AnyAsync(cancellationToken);
    }

    public async Task<SeedSummary> SeedAsync(IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var steps = new List<SeedStep>();
        foreach (var (set, kind, file, map) in Plan)
        {
            var result = await imports.ImportAsync(kind, data.Bundled(set, file), data.Bundled(set, map), progress, cancellationToken);
            steps.Add(new SeedStep(set, kind, result.RowsRead, result.RowsAdded, result.RowsUpdated));
            if (kind == ImportKinds.Leads)
            {
                await MarkDemoAsync(MappingFile.Load(data.Bundled(set, map)), cancellationToken);
            }
        }

        return new SeedSummary(steps);
    }

    /// <summary>Marks the bundled set's leads (its mapping's constant <c>source</c>) as demo leads.</summary>
    private async Task MarkDemoAsync(MappingFile mapping, CancellationToken cancellationToken)
    {
        if (!mapping.Constants.TryGetValue("source", out var source))
        {
            throw new MappingException($"bundled lead mapping {mapping.Path} has no constant source, so its demo leads cannot be marked");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Leads.Where(l => l.Source == source && !l.IsDemo).ExecuteUpdateAsync(u => u.SetProperty(l => l.IsDemo, true), cancellationToken);
        leadChanges.Changed();
    }
}
