using JorgeCopilot.Core.Deals;
using JorgeCopilot.Intelligence.Pricing;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// Attributes a deterministic sample of real King County sales to Jorge: the sale's price and date are real, the
/// attribution is generated (every record is marked so). A sale is his closing when a hash of its parcel and date falls
/// under the rate that gives <see cref="RevenueOptions.ClosingsPerMonth"/>; a second band of the hash gives deals he
/// lost (the home sold through someone else). Contract and start dates are drawn from the same hash: 20–45 days of
/// escrow, 10–90 days from first contact to contract. Open deals are the latest sales' homes, started in the last two
/// months before the data ends.
/// </summary>
public static class DealHistoryGenerator
{
    public static IReadOnlyList<DealRecord> Generate(IReadOnlyList<HomeSale> sales, RevenueOptions options)
    {
        ArgumentNullException.ThrowIfNull(sales);
        return Generate(sales.Select(s => new SaleFact(s.ParcelId, s.SaleDate, s.Price)).ToArray(), options);
    }

    public static IReadOnlyList<DealRecord> Generate(IReadOnlyList<SaleFact> sales, RevenueOptions options)
    {
        ArgumentNullException.ThrowIfNull(sales);
        ArgumentNullException.ThrowIfNull(options);
        if (sales.Count == 0)
        {
            return [];
        }

        var first = sales.Min(s => s.SaleDate);
        var asOf = sales.Max(s => s.SaleDate);
        var months = Math.Max(1, (asOf.Year - first.Year) * 12 + asOf.Month - first.Month + 1);
        var closeRate = options.ClosingsPerMonth * months / sales.Count;
        var lostRate = closeRate * options.LostPerClosed;
        var deals = new List<DealRecord>();
        var openFrom = asOf.AddDays(-60);
        foreach (var sale in sales.OrderBy(s => s.SaleDate).ThenBy(s => s.ParcelId, StringComparer.Ordinal))
        {
            var hash = Hash(sale.ParcelId, sale.SaleDate, options.Seed);
            var u = Unit(hash);
            var escrow = 20 + (int)(hash >> 8 & 0x1F) % 26;
            var courtship = 10 + (int)(hash >> 16 & 0xFF) % 81;
            var id = $"generated:kc:{sale.ParcelId}:{sale.SaleDate:yyyyMMdd}";
            if (u < closeRate)
            {
                var contracted = sale.SaleDate.AddDays(-escrow);
                deals.Add(new DealRecord(id, DealStages.Closed, contracted.AddDays(-courtship), contracted, sale.SaleDate, sale.SaleDate,
                    sale.Price, sale.Price * options.EffectiveRate, null, true));
            }
            else if (u < closeRate + lostRate && sale.SaleDate < openFrom)
            {
                // A third of lost deals fall through in escrow (inspection, financing), the rest before an offer is accepted.
                var fromContract = (hash >> 32) % 3 == 0;
                var lostOn = sale.SaleDate.AddDays(-escrow / 2);
                var contracted = fromContract ? sale.SaleDate.AddDays(-escrow) : (DateOnly?)null;
                deals.Add(new DealRecord(id, DealStages.Lost, (contracted ?? lostOn).AddDays(-courtship), contracted, lostOn, null,
                    sale.Price, 0, fromContract ? DealStages.UnderContract : DealStages.Open, true));
            }
        }

        // Open pipeline: homes like the latest ones sold (their real prices), at stages set by the same hash.
        var recent = sales.Where(s => s.SaleDate >= openFrom)
            .OrderBy(s => Hash(s.ParcelId, s.SaleDate, options.Seed + 7))
            .Take(options.OpenDeals)
            .ToArray();
        foreach (var sale in recent)
        {
            var hash = Hash(sale.ParcelId, sale.SaleDate, options.Seed + 7);
            var created = asOf.AddDays(-(int)(hash % 60));
            var underContract = (hash >> 20) % 5 < 2 && created < asOf.AddDays(-10);
            var contracted = underContract ? created.AddDays((int)((asOf.DayNumber - created.DayNumber) * 0.6)) : (DateOnly?)null;
            var expected = contracted?.AddDays(35) ?? created.AddDays(75);
            deals.Add(new DealRecord($"generated:open:{sale.ParcelId}", underContract ? DealStages.UnderContract : DealStages.Open,
                created, contracted, null, expected < asOf ? asOf.AddDays(7) : expected, sale.Price, sale.Price * options.EffectiveRate, null, true));
        }

        return deals;
    }

    private static ulong Hash(string parcel, DateOnly date, int seed)
    {
        ulong x = (ulong)seed;
        foreach (var ch in parcel)
        {
            x = SplitMix(x ^ ch);
        }

        return SplitMix(x ^ (ulong)date.DayNumber);
    }

    private static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    private static ulong SplitMix(ulong x)
    {
        var z = x + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>What the generator needs of a sale.</summary>
public sealed record SaleFact(string ParcelId, DateOnly SaleDate, double Price);
