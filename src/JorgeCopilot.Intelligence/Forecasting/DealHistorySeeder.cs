using JorgeCopilot.Core.Deals;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// Stores the generated deal history once, in a workspace that has King County sales and leads but no deals. Closed and
/// lost deals go to converted leads of the campaign; open deals to the latest converted leads (the hottest ones: they
/// said yes most recently). Every row is marked <see cref="Deal.IsGenerated"/>.
/// </summary>
public sealed class DealHistorySeeder(IDbContextFactory<JorgeDbContext> stores, ILogger<DealHistorySeeder> logger)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Seeds when the store has no deals; returns the number added (0 when deals exist or the inputs are missing).</summary>
    public async Task<int> EnsureAsync(RevenueOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await Gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await stores.CreateDbContextAsync(cancellationToken);
            if (await db.Deals.AnyAsync(cancellationToken))
            {
                return 0;
            }

            var sales = await db.Sales.AsNoTracking().Where(s => s.SalePrice != null)
                .Select(s => new { s.Property!.ParcelId, s.PropertyId, s.SaleDate, s.SalePrice })
                .ToListAsync(cancellationToken);
            var leads = await db.LeadOutcomes.AsNoTracking().Where(o => o.Converted)
                .OrderByDescending(o => o.Lead!.SourceRow).Select(o => o.LeadId).Distinct().Take(500).ToListAsync(cancellationToken);
            if (sales.Count == 0 || leads.Count == 0)
            {
                return 0;
            }

            var generated = DealHistoryGenerator.Generate(sales.Select(s => new SaleFact(s.ParcelId, s.SaleDate, (double)s.SalePrice!.Value)).ToArray(), options);
            var properties = sales.GroupBy(s => s.ParcelId).ToDictionary(g => g.Key, g => g.First().PropertyId, StringComparer.Ordinal);
            var open = generated.Where(d => d.Stage is DealStages.Open or DealStages.UnderContract).ToArray();
            var history = generated.Except(open).ToArray();
            var deals = open.Select((d, i) => ToEntity(d, leads[i % leads.Count], properties, options))
                .Concat(history.Select((d, i) => ToEntity(d, leads[(open.Length + i) % leads.Count], properties, options)))
                .ToArray();
            db.Deals.AddRange(deals);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Seeded {Deals} generated deals ({Open} open) from King County sales", deals.Length, open.Length);
            return deals.Length;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static DealRecord ToRecord(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var created = deal.CreatedAt is { } c ? DateOnly.FromDateTime(c) : deal.ContractedOn ?? deal.ClosedOn ?? DateOnly.MinValue;
        return new DealRecord(deal.ExternalId, deal.Stage, created, deal.ContractedOn, deal.ClosedOn, deal.ExpectedClose,
            (double)deal.Value, (double)deal.Commission, deal.LostFromStage, deal.IsGenerated);
    }

    private static Deal ToEntity(DealRecord d, long leadId, Dictionary<string, long> properties, RevenueOptions options)
    {
        var parcel = d.ExternalId.Split(':')[2];
        return new Deal
        {
            ExternalId = d.ExternalId,
            LeadId = leadId,
            PropertyId = properties.TryGetValue(parcel, out var id) ? id : null,
            Stage = d.Stage,
            CreatedAt = d.Created.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            ContractedOn = d.Contracted,
            ClosedOn = d.Resolved,
            ExpectedClose = d.ExpectedClose,
            LostFromStage = d.LostFromStage,
            Value = (decimal)d.Value,
            CommissionRate = (decimal)options.EffectiveRate,
            Commission = Math.Round((decimal)d.Commission, 2),
            IsGenerated = true,
        };
    }
}
