using JorgeCopilot.Core.Business;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// Return on lead sources and activities (pure; <see cref="RoiService"/> loads the inputs). Revenue is the commission of
/// closed deals. Per dollar and per hour are computed only over the months the cost table covers for that line, so a year
/// of revenue is never divided by a month of spend; without cost lines they stay empty and the answer says so.
/// </summary>
public static class RoiCalculator
{
    public static IReadOnlyList<SourceRoi> BySource(IReadOnlyList<RoiLead> leads, IReadOnlyList<RoiDeal> closed, IReadOnlyList<BusinessCost> costs)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(closed);
        ArgumentNullException.ThrowIfNull(costs);
        var sourceCosts = costs.Where(c => c.Category == CostCategories.Source).ToLookup(c => c.Name, StringComparer.OrdinalIgnoreCase);
        var activityHours = costs.Where(c => c.Category == CostCategories.Activity && c.LeadSource is not null)
            .ToLookup(c => c.LeadSource!, StringComparer.OrdinalIgnoreCase);
        return leads.GroupBy(l => l.Source, StringComparer.OrdinalIgnoreCase).Select(g =>
            {
                var deals = closed.Where(d => string.Equals(d.Source, g.Key, StringComparison.OrdinalIgnoreCase)).ToList();
                var revenue = deals.Sum(d => d.Commission);
                var lines = sourceCosts[g.Key].Concat(activityHours[g.Key]).ToList();
                var (from, to) = Window(lines);
                var windowRevenue = lines.Count == 0 ? 0 : deals.Where(d => d.ClosedOn >= from && d.ClosedOn <= to).Sum(d => d.Commission);
                var dollars = lines.Sum(c => (double?)c.Amount);
                var hours = lines.Sum(c => c.Hours);
                return new SourceRoi(g.Key, g.Count(), g.Count(l => l.Converted), deals.Count, Math.Round(revenue), Math.Round(revenue / g.Count(), 2),
                    lines.Count == 0 ? null : $"{from:yyyy-MM} to {to:yyyy-MM}", lines.Count == 0 ? null : Math.Round(windowRevenue),
                    dollars is > 0 ? Math.Round(dollars.Value) : null, dollars is > 0 ? Math.Round(windowRevenue / dollars.Value, 2) : null,
                    hours is > 0 ? Math.Round(hours.Value, 1) : null, hours is > 0 ? Math.Round(windowRevenue / hours.Value, 2) : null);
            })
            .OrderByDescending(s => s.Revenue).ThenBy(s => s.Source, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Activities from the log: an activity that names the lead source it served gets that source's revenue in the
    /// activity's months, shared among the source's activities by hours; one that names none cannot be credited with
    /// revenue, and says so, rather than being handed an arbitrary share.
    /// </summary>
    public static IReadOnlyList<ActivityRoi> ByActivity(IReadOnlyList<BusinessCost> costs, IReadOnlyList<RoiDeal> closed)
    {
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentNullException.ThrowIfNull(closed);
        var activities = costs.Where(c => c.Category == CostCategories.Activity).ToList();
        var totalHours = activities.Sum(c => c.Hours ?? 0);
        var result = new List<ActivityRoi>();
        foreach (var g in activities.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase))
        {
            var hours = g.Sum(c => c.Hours ?? 0);
            var dollars = (double)g.Sum(c => c.Amount ?? 0);
            double? revenue = null;
            foreach (var line in g.Where(c => c.LeadSource is not null))
            {
                // Everyone's hours for that source in that month share its revenue of that month.
                var shared = activities.Where(c => c.Month == line.Month && string.Equals(c.LeadSource, line.LeadSource, StringComparison.OrdinalIgnoreCase))
                    .Sum(c => c.Hours ?? 0);
                var monthRevenue = closed.Where(d => string.Equals(d.Source, line.LeadSource, StringComparison.OrdinalIgnoreCase)
                    && d.ClosedOn.Year == line.Month.Year && d.ClosedOn.Month == line.Month.Month).Sum(d => d.Commission);
                revenue = (revenue ?? 0) + (shared > 0 ? monthRevenue * (line.Hours ?? 0) / shared : 0);
            }

            result.Add(new ActivityRoi(g.Key, Math.Round(hours, 1), totalHours > 0 ? Math.Round(100 * hours / totalHours, 1) : null,
                dollars > 0 ? Math.Round(dollars) : null, revenue is { } r ? Math.Round(r) : null,
                revenue is { } r1 && hours > 0 ? Math.Round(r1 / hours, 2) : null, revenue is { } r2 && dollars > 0 ? Math.Round(r2 / dollars, 2) : null,
                string.Join(", ", g.Select(c => c.LeadSource).Where(s => s is not null).Distinct(StringComparer.OrdinalIgnoreCase))));
        }

        var totalRevenue = result.Sum(a => a.Revenue ?? 0);
        return result.Select(a => a with { RevenueSharePercent = totalRevenue > 0 && a.Revenue is { } r ? Math.Round(100 * r / totalRevenue, 1) : null })
            .OrderByDescending(a => a.Hours).ToList();
    }

    private static (DateOnly From, DateOnly To) Window(IReadOnlyList<BusinessCost> lines) =>
        lines.Count == 0
            ? (DateOnly.MinValue, DateOnly.MinValue)
            : (lines.Min(c => c.Month), lines.Max(c => c.Month).AddMonths(1).AddDays(-1));
}

public sealed record RoiLead(string Source, bool Converted);

public sealed record RoiDeal(string Source, DateOnly ClosedOn, double Commission);

/// <param name="CostWindow">The months the cost lines cover; per-dollar and per-hour figures use revenue of these months only.</param>
public sealed record SourceRoi(string Source, int Leads, int Converted, int ClosedDeals, double Revenue, double RevenuePerLead, string? CostWindow,
    double? WindowRevenue, double? Cost, double? RevenuePerDollar, double? Hours, double? RevenuePerHour);

/// <param name="Revenue">Attributed revenue; null when the activity's log lines name no lead source to credit.</param>
/// <param name="ServedSources">Lead sources the log says the activity served.</param>
public sealed record ActivityRoi(string Activity, double Hours, double? HoursSharePercent, double? Cost, double? Revenue, double? RevenuePerHour,
    double? RevenuePerDollar, string ServedSources)
{
    public double? RevenueSharePercent { get; init; }
}
