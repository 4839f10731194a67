using JorgeCopilot.Core.Business;
using JorgeCopilot.Core.Deals;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// <c>roi_by_source</c>, <c>roi_by_activity</c> and <c>time_allocation</c> over the store: leads by source, closed deals'
/// commission, and the imported cost table / activity log (<see cref="CostImporter"/>). Where the log is missing, hours
/// are derived from the message history at <see cref="MinutesPerMessage"/> each, an assumption the answer states.
/// </summary>
public sealed class RoiService(IDbContextFactory<JorgeDbContext> stores, DealHistorySeeder seeder, IOptions<RevenueOptions> revenueOptions)
{
    /// <summary>Lead attributes that name a marketing source (CRM exports), preferred over the import's own source name.</summary>
    public static readonly IReadOnlyList<string> SourceAttributes = ["lead_source", "Lead Source", "leadSource"];

    /// <summary>Writing or answering one message, when no activity log says otherwise.</summary>
    public const double MinutesPerMessage = 3;

    private const string NoCosts = "No cost table imported, so cost per dollar and per hour are unknown: import one with `jorge import costs <file> <map>` "
        + "(category source or activity, name, month, amount and/or hours; data/business-costs has a mapping and an illustrative example).";

    public async Task<SourceRoiResult> BySourceAsync(CancellationToken cancellationToken)
    {
        var (leads, deals, costs) = await InputsAsync(cancellationToken);
        var rows = RoiCalculator.BySource(leads, deals, costs);
        return new SourceRoiResult(rows.Count, deals.Count, Math.Round(deals.Sum(d => d.Commission)), costs.Any(c => c.Category == CostCategories.Source),
            Notes(deals.Count, costs), rows);
    }

    public async Task<ActivityRoiResult> ByActivityAsync(CancellationToken cancellationToken)
    {
        var (_, deals, costs) = await InputsAsync(cancellationToken);
        if (costs.Any(c => c.Category == CostCategories.Activity))
        {
            var rows = RoiCalculator.ByActivity(costs, deals);
            return new ActivityRoiResult("activity log", Math.Round(rows.Sum(r => r.Hours), 1), Notes(deals.Count, costs), rows);
        }

        var derived = await FromMessagesAsync(cancellationToken);
        return new ActivityRoiResult(derived.Count == 0 ? "none" : $"message history at {MinutesPerMessage:0} minutes a message (an assumption, no activity log imported)",
            Math.Round(derived.Sum(r => r.Hours), 1),
            derived.Count == 0
                ? "No activity log and no messages in the store: import an activity log (kind costs, category activity, hours per month, the lead source it served) to see where the hours go."
                : Notes(deals.Count, costs),
            derived);
    }

    /// <summary>The same rows, best return per hour first (activities without attributable revenue last).</summary>
    public static ActivityRoiResult ByReturn(ActivityRoiResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result with { ByActivity = result.ByActivity.OrderByDescending(a => a.RevenuePerHour ?? double.MinValue).ThenByDescending(a => a.Hours).ToList() };
    }

    /// <summary>Where the hours go against what they return: hours share next to revenue share, most hours first.</summary>
    public static TimeAllocation Allocation(ActivityRoiResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.ByActivity.OrderByDescending(a => a.Hours)
            .Select(a => new TimeShare(a.Activity, a.Hours, a.HoursSharePercent, a.RevenueSharePercent, a.Revenue, a.RevenuePerHour)).ToList();
        var mismatch = rows.Where(r => r.HoursSharePercent is not null && r.RevenueSharePercent is not null)
            .OrderByDescending(r => r.HoursSharePercent - r.RevenueSharePercent).FirstOrDefault();
        return new TimeAllocation(result.HoursFrom, result.TotalHours,
            mismatch is null || mismatch.HoursSharePercent <= mismatch.RevenueSharePercent
                ? null
                : $"{mismatch.Activity}: {mismatch.HoursSharePercent}% of the hours, {mismatch.RevenueSharePercent}% of the attributed revenue",
            result.Notes, rows);
    }

    /// <summary>Hours per channel from messages; a closed deal's commission is shared by its lead's messages per channel.</summary>
    private async Task<IReadOnlyList<ActivityRoi>> FromMessagesAsync(CancellationToken cancellationToken)
    {
        await using var db = await stores.CreateDbContextAsync(cancellationToken);
        var counts = await db.Messages.AsNoTracking().Where(m => m.Direction == MessageDirection.Outbound)
            .GroupBy(m => new { m.LeadId, m.Channel }).Select(g => new { g.Key.LeadId, g.Key.Channel, Count = g.Count() }).ToListAsync(cancellationToken);
        if (counts.Count == 0)
        {
            return [];
        }

        var commission = (await db.Deals.AsNoTracking().Where(d => d.Stage == DealStages.Closed).Select(d => new { d.LeadId, d.Commission })
            .ToListAsync(cancellationToken)).GroupBy(d => d.LeadId).ToDictionary(g => g.Key, g => g.Sum(d => (double)d.Commission));
        var perLead = counts.GroupBy(c => c.LeadId).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var total = counts.Sum(c => c.Count);
        var rows = counts.GroupBy(c => c.Channel).Select(g =>
            {
                var hours = g.Sum(c => c.Count) * MinutesPerMessage / 60;
                var revenue = g.Sum(c => commission.GetValueOrDefault(c.LeadId) * c.Count / perLead[c.LeadId]);
                return new ActivityRoi($"messages by {g.Key}", Math.Round(hours, 1), Math.Round(100.0 * g.Sum(c => c.Count) / total, 1), null, Math.Round(revenue),
                    hours > 0 ? Math.Round(revenue / hours, 2) : null, null, "derived from messages");
            })
            .ToList();
        var totalRevenue = rows.Sum(r => r.Revenue ?? 0);
        return rows.Select(r => r with { RevenueSharePercent = totalRevenue > 0 ? Math.Round(100 * (r.Revenue ?? 0) / totalRevenue, 1) : null })
            .OrderByDescending(r => r.Hours).ToList();
    }

    private static string Notes(int closedDeals, IReadOnlyList<BusinessCost> costs)
    {
        var notes = new List<string> { $"revenue = commission of {closedDeals} closed deal(s)" };
        if (costs.Count == 0)
        {
            notes.Add(NoCosts);
        }
        else if (costs.Any(c => c.IsIllustrative))
        {
            notes.Add("the cost table holds the bundled ILLUSTRATIVE example, not Jorge's figures: per-dollar and per-hour results are a demonstration only");
        }

        return string.Join("; ", notes);
    }

    private async Task<(IReadOnlyList<RoiLead> Leads, IReadOnlyList<RoiDeal> Deals, IReadOnlyList<BusinessCost> Costs)> InputsAsync(
        CancellationToken cancellationToken)
    {
        await seeder.EnsureAsync(revenueOptions.Value, cancellationToken);
        await using var db = await stores.CreateDbContextAsync(cancellationToken);
        var leads = await db.Leads.AsNoTracking().Select(l => new { l.Id, l.Source, l.Stage, l.Attributes }).ToListAsync(cancellationToken);
        var converted = (await db.LeadOutcomes.AsNoTracking().Where(o => o.Converted).Select(o => o.LeadId).ToListAsync(cancellationToken)).ToHashSet();
        var sourceOf = leads.ToDictionary(l => l.Id,
            l => SourceAttributes.Select(a => l.Attributes.GetValueOrDefault(a)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() ?? l.Source);
        var deals = (await db.Deals.AsNoTracking().Where(d => d.Stage == DealStages.Closed && d.ClosedOn != null)
                .Select(d => new { d.LeadId, d.ClosedOn, d.Commission }).ToListAsync(cancellationToken))
            .Select(d => new RoiDeal(sourceOf.GetValueOrDefault(d.LeadId, "unknown"), d.ClosedOn!.Value, (double)d.Commission)).ToList();
        var costs = await db.BusinessCosts.AsNoTracking().ToListAsync(cancellationToken);
        return (leads.Select(l => new RoiLead(sourceOf[l.Id], converted.Contains(l.Id) || l.Stage == LeadStages.Converted)).ToList(), deals, costs);
    }
}

/// <param name="CostsKnown">True when the cost table has lines for lead sources.</param>
public sealed record SourceRoiResult(int Sources, int ClosedDeals, double Revenue, bool CostsKnown, string Notes, IReadOnlyList<SourceRoi> BySource);

/// <param name="MostOverInvested">The activity whose share of hours exceeds its share of revenue the most; null when none does.</param>
public sealed record TimeAllocation(string HoursFrom, double TotalHours, string? MostOverInvested, string Notes, IReadOnlyList<TimeShare> Activities);

public sealed record TimeShare(string Activity, double Hours, double? HoursSharePercent, double? RevenueSharePercent, double? Revenue, double? RevenuePerHour);

/// <param name="HoursFrom">Where the hours come from: the imported activity log, the message history (with its assumption), or none.</param>
public sealed record ActivityRoiResult(string HoursFrom, double TotalHours, string Notes, IReadOnlyList<ActivityRoi> ByActivity);
