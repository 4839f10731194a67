using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.Market;

/// <summary>Market share and positioning over the imported sales that name a listing agent or brokerage.</summary>
public sealed class CompetitiveIntelligence(IDbContextFactory<JorgeDbContext> stores)
{
    public const string NoDataMessage =
        "No listing data with agent or brokerage names has been imported, so there is no market share to show. Import an MLS or brokerage export with a mapping file (fields listingAgent, brokerage).";

    public async Task<MarketShareReport> AnalyzeAsync(string by, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        await using var db = await stores.CreateDbContextAsync(cancellationToken);
        var query = db.Sales.AsNoTracking().Where(s => s.Brokerage != null || s.ListingAgent != null);
        if (from is { } f)
        {
            query = query.Where(s => s.SaleDate >= f);
        }

        if (to is { } t)
        {
            query = query.Where(s => s.SaleDate <= t);
        }

        var rows = await query.Select(s => new { s.SaleDate, s.Brokerage, s.ListingAgent, s.SalePrice, s.ListPrice, s.ListDate }).ToListAsync(cancellationToken);
        var sides = rows.Select(r => new ListingSide(r.SaleDate, r.Brokerage, r.ListingAgent, (double?)r.SalePrice, (double?)r.ListPrice,
            r.ListDate is { } l && r.SalePrice != null ? r.SaleDate.DayNumber - l.DayNumber : null)).ToList();
        return MarketShareAnalyzer.Analyze(sides, by);
    }
}
