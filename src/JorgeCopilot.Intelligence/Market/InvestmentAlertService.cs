using JorgeCopilot.Core.Market;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Pricing;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.Market;

/// <summary>
/// Ranked investment alerts from undervalued homes and market turns/anomalies. Each alert has a stable key and is
/// stored when raised, so the same opportunity is never raised twice (also across replicas: the key is unique).
/// </summary>
public sealed class InvestmentAlertService(PricingService pricing, MarketTrendsService trends, IDbContextFactory<JorgeDbContext> stores, TimeProvider clock)
{
    public async Task<AlertScan> RaiseAsync(int limit, CancellationToken cancellationToken)
    {
        var candidates = new List<InvestmentAlert>();
        var notes = new List<string>();
        var undervalued = await pricing.FindUndervaluedAsync(zips: null, 25, cancellationToken);
        if (undervalued.Value is { } homes)
        {
            candidates.AddRange(homes.Select(h => new InvestmentAlert
            {
                Key = $"undervalued:{h.ParcelId}:{h.Date:yyyy-MM-dd}:{h.Basis}",
                Kind = "undervalued",
                Title = $"Parcel {h.ParcelId} ({h.Zip}): {h.Basis} {h.DiscountPercent:0.#}% below model value",
                Detail = string.Join("; ", h.Reasons),
                Score = h.DiscountPercent,
                ParcelId = h.ParcelId,
                Region = h.Zip,
            }));
        }
        else if (undervalued.Error is { } error)
        {
            notes.Add(error);
        }

        var report = await trends.AnalyzeAsync(MarketData.DefaultRegion, cancellationToken);
        if (report is null)
        {
            notes.Add("No market series in the store for Seattle, WA: run `jorge seed` for market alerts.");
        }
        else
        {
            foreach (var named in report.Trends.Where(t => t.Source == "zillow"))
            {
                var t = named.Trend;
                foreach (var a in t.Anomalies)
                {
                    candidates.Add(new InvestmentAlert
                    {
                        Key = $"anomaly:{report.Region}:{t.Metric}:{a.Month:yyyy-MM}",
                        Kind = "anomaly",
                        Title = $"{report.Region} {named.Label} in {a.Month:MMM yyyy} was unusual (robust z {a.RobustZ:+0.0;-0.0})",
                        Detail = $"{a.Value:N1} against {a.Expected:N1} expected from trend and season",
                        Score = Math.Abs(a.RobustZ) * 2,
                        Region = report.Region,
                    });
                }

                if (t.Momentum is { } m && t.YearOverYear is { } y && Math.Sign(m) != Math.Sign(y) && Math.Abs(m) > 0.01)
                {
                    candidates.Add(new InvestmentAlert
                    {
                        Key = $"turn:{report.Region}:{t.Metric}:{t.LatestMonth:yyyy-MM}",
                        Kind = "trend",
                        Title = $"{report.Region} {named.Label} is turning: year over year {y:+0.0%;-0.0%}, recent momentum {m:+0.0%;-0.0%}",
                        Detail = $"latest {t.Latest:N1} in {t.LatestMonth:MMM yyyy}",
                        Score = 5 + Math.Abs(m) * 100,
                        Region = report.Region,
                    });
                }
            }
        }

        await using var db = await stores.CreateDbContextAsync(cancellationToken);
        var keys = candidates.Select(c => c.Key).ToList();
        var seen = (await db.InvestmentAlerts.Where(a => keys.Contains(a.Key)).Select(a => a.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var fresh = candidates.Where(c => !seen.Contains(c.Key)).DistinctBy(c => c.Key)
            .OrderByDescending(c => c.Score).Take(Math.Clamp(limit, 1, 50)).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var alert in fresh)
        {
            alert.RaisedAt = now;
        }

        db.InvestmentAlerts.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another replica raised some of these at the same moment: report only what this call stored.
            db.ChangeTracker.Clear();
            fresh.Clear();
        }

        return new AlertScan(fresh, candidates.Count - fresh.Count, notes);
    }

    public async Task<IReadOnlyList<InvestmentAlert>> HistoryAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await stores.CreateDbContextAsync(cancellationToken);
        return await db.InvestmentAlerts.AsNoTracking().OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Score)
            .Take(Math.Clamp(limit, 1, 500)).ToListAsync(cancellationToken);
    }
}

/// <summary>Alerts raised by this call, how many candidates had been raised before, and notes on missing inputs.</summary>
public sealed record AlertScan(IReadOnlyList<InvestmentAlert> Raised, int AlreadyRaised, IReadOnlyList<string> Notes);
