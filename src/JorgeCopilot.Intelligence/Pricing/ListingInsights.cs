using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Market;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// Per-listing days-on-market model and price-elasticity curve, fitted from imported sales that carry list dates and
/// list prices (valued by the price model at their list date). Null when no such export has been imported.
/// </summary>
public sealed class ListingInsights(IDbContextFactory<JorgeDbContext> stores, TimeProvider clock)
{
    public async Task<ListingDomModel?> DomModelAsync(PriceModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var db = await stores.CreateDbContextAsync(cancellationToken);
        var listed = await db.Sales.AsNoTracking().Include(s => s.Property)
            .Where(s => s.ListDate != null && s.ListPrice != null && s.ListPrice > 0)
            .OrderByDescending(s => s.ListDate).Take(5000)
            .ToListAsync(cancellationToken);
        if (listed.Count(s => s.SalePrice != null) < ListingDomModel.MinimumListings)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var observations = new List<ListingObservation>(listed.Count);
        foreach (var s in listed)
        {
            var home = PricingService.ToFeatures(s.Property!);
            var value = model.Estimate(home, s.ListDate!.Value, s.Property!.ParcelId).Value;
            var sold = s.SalePrice != null;
            var end = sold ? s.SaleDate : today;
            observations.Add(new ListingObservation((double)s.ListPrice!.Value / value, end.DayNumber - s.ListDate.Value.DayNumber, sold));
        }

        return ListingDomModel.Fit(observations);
    }
}
