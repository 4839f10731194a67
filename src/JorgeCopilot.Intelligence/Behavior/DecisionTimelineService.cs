using System.Globalization;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Capabilities;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>
/// <c>decision_timeline</c>: how long a lead is likely to take to convert, from the leads of the same source in the store
/// (<see cref="DecisionTimelineModel"/>). Touches come from the source's contact count column when it has one
/// (bank-marketing's <c>campaign</c>), otherwise from the outbound messages recorded before the conversion.
/// </summary>
public sealed class DecisionTimelineService(IDbContextFactory<JorgeDbContext> contexts, TimeProvider time)
{
    /// <summary>bank-marketing's "contacts performed during this campaign for this client, including the last".</summary>
    public const string ContactCountAttribute = "campaign";

    /// <summary>bank-marketing's previous-campaign outcome: the strongest single predictor of saying yes, so it defines the strata.</summary>
    public const string PreviousOutcomeAttribute = "poutcome";

    public async Task<DecisionTimeline?> ForLeadAsync(long leadId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lead = await db.Leads.AsNoTracking().Where(l => l.Id == leadId).Select(l => new { l.Id, l.DisplayName, l.Source })
            .FirstOrDefaultAsync(cancellationToken);
        if (lead is null)
        {
            return null;
        }

        var subjects = await SubjectsAsync(db, lead.Source, cancellationToken);
        var own = subjects.First(s => s.LeadId == leadId);
        var touches = DecisionTimelineModel.Touches(subjects, own);
        var days = DecisionTimelineModel.Days(subjects, own);
        var status = own.Converted ? "converted" : await IsLostAsync(db, leadId, cancellationToken) ? "lost" : "open";
        var primary = days.Supported ? days : touches;
        var other = ReferenceEquals(primary, days) ? touches : days;
        var horizon = primary.Unit == "days" ? $"next {DecisionTimelineModel.DayHorizon} days" : $"next {DecisionTimelineModel.TouchHorizon} touches";
        var basis = primary.Supported
            ? $"Kaplan-Meier over {primary.Leads} {lead.Source} lead(s){(primary.Stratum == "all" ? "" : $" like this one ({primary.Stratum})")}, {primary.Conversions} converted; leads not converted count until they leave instead of being dropped"
            : $"not enough data: {primary.WhyNot}";
        var otherNote = other.Supported ? $"by {other.Unit}: {other.EventualPercent}% convert eventually" : $"by {other.Unit}: {other.WhyNot}";
        var chart = primary.Supported
            ? new ChartData($"Share converted by {primary.Unit}", primary.Steps.Select(s => s.At.ToString("0", CultureInfo.InvariantCulture)).ToList(),
                new Dictionary<string, IReadOnlyList<double>> { ["converted by (%)"] = primary.Steps.Select(s => s.ConvertedByPercent).ToList() })
            { YLabel = "% converted" }
            : null;
        return new DecisionTimeline(lead.Id, lead.DisplayName, status, primary.Supported ? primary.Unit : "none",
            status == "open" ? primary.ChanceNextPercent : null, horizon, primary.EventualPercent, primary.MedianAmongConverted, primary.KaplanMeierMedian,
            own.Touches, own.Days is { } d ? Math.Round(d) : null, primary.Leads, primary.Conversions, primary.Stratum, basis, otherNote,
            primary.Steps, chart);
    }

    private static async Task<bool> IsLostAsync(JorgeDbContext db, long leadId, CancellationToken cancellationToken) =>
        await db.Leads.AnyAsync(l => l.Id == leadId && l.Stage == LeadStages.Lost, cancellationToken)
        || await db.LeadOutcomes.AnyAsync(o => o.LeadId == leadId && !o.Converted, cancellationToken);

    private async Task<List<TimelineSubject>> SubjectsAsync(JorgeDbContext db, string source, CancellationToken cancellationToken)
    {
        var leads = await db.Leads.AsNoTracking().Where(l => l.Source == source)
            .Select(l => new { l.Id, l.CreatedAt, l.Channel, l.Stage, l.Attributes }).ToListAsync(cancellationToken);
        var outcomes = (await db.LeadOutcomes.AsNoTracking().Where(o => o.Lead!.Source == source)
                .Select(o => new { o.LeadId, o.Converted, o.OccurredAt }).ToListAsync(cancellationToken))
            .GroupBy(o => o.LeadId).ToDictionary(g => g.Key, g => g.ToList());
        var sent = (await db.Messages.AsNoTracking().Where(m => m.Lead!.Source == source && m.Direction == MessageDirection.Outbound)
                .Select(m => new { m.LeadId, m.SentAt }).ToListAsync(cancellationToken))
            .GroupBy(m => m.LeadId).ToDictionary(g => g.Key, g => g.Select(m => m.SentAt).ToList());
        var now = time.GetUtcNow().UtcDateTime;
        var result = new List<TimelineSubject>(leads.Count);
        foreach (var l in leads)
        {
            var own = outcomes.GetValueOrDefault(l.Id) ?? [];
            var conversion = own.Where(o => o.Converted).OrderBy(o => o.OccurredAt).FirstOrDefault();
            var loss = own.Where(o => !o.Converted).OrderBy(o => o.OccurredAt).FirstOrDefault();
            // Observed until the conversion, else until the loss, else until now (still open).
            var end = conversion is not null ? conversion.OccurredAt : loss is not null ? loss.OccurredAt : l.Stage == LeadStages.Lost ? null : now;
            double? days = l.CreatedAt is { } created && end is { } e ? (e - created).TotalDays : null;
            double? touches = l.Attributes.TryGetValue(ContactCountAttribute, out var raw)
                && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
                ? count
                : sent.TryGetValue(l.Id, out var times) ? times.Count(t => conversion?.OccurredAt is not { } at || t <= at) : null;
            var stratum = l.Attributes.TryGetValue(PreviousOutcomeAttribute, out var previous)
                ? $"{l.Channel ?? "any channel"}, previous campaign {previous}"
                : l.Channel ?? "any channel";
            result.Add(new TimelineSubject(l.Id, touches, days, conversion is not null, stratum));
        }

        return result;
    }
}

/// <param name="Status">open, converted or lost.</param>
/// <param name="Clock">touches or days: the one the data measures (days preferred); none when neither is measured.</param>
/// <param name="ChanceNextPercent">For an open lead: chance of converting within <paramref name="Horizon"/>, given how far it has come.</param>
/// <param name="OtherClock">What the other clock shows, or why the data cannot measure it.</param>
public sealed record DecisionTimeline(long LeadId, string Name, string Status, string Clock, double? ChanceNextPercent, string Horizon,
    double? EventualPercent, double? MedianAmongConverted, double? KaplanMeierMedian, double? TouchesSoFar, double? DaysSoFar, int Leads, int Conversions,
    string Stratum, string Basis, string OtherClock, IReadOnlyList<TimelineStep> Steps, ChartData? Chart);
