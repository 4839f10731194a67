using JorgeCopilot.Intelligence.Statistics;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>
/// Time to conversion as a survival problem: Kaplan-Meier over the leads of one source, counting leads that have not
/// converted (lost or still open) as at risk until they leave. Two clocks, each used only where the data measures it:
/// touches (contacts made) and days since the lead was created. Stratified like a Cox model without the proportional
/// hazards assumption: the lead's own stratum when it holds at least <see cref="MinStratumEvents"/> conversions, all leads
/// of the source otherwise.
/// </summary>
public static class DecisionTimelineModel
{
    public const int MinEvents = 20;
    public const int MinStratumEvents = 30;
    /// <summary>The curve's tail rests on few leads; the eventual share is read where at least this many were still at risk.</summary>
    public const int MinAtRisk = 20;
    public const int TouchHorizon = 3;
    public const int DayHorizon = 30;
    public const int MaxSteps = 10;

    public static TimelineClock Touches(IReadOnlyList<TimelineSubject> subjects, TimelineSubject lead) =>
        Clock("touches", subjects.Where(s => s.Touches is > 0).Select(s => (s.Touches!.Value, s.Converted, s.Stratum)).ToList(), lead.Touches,
            lead.Stratum, lead.Converted, 1, TouchHorizon);

    /// <summary>
    /// Days are supported only when conversions take measurable time: a source that dates the conversion in the month of the
    /// contact (bank-marketing) gives every conversion zero days, and a curve of zeros would be a false "decides at once".
    /// </summary>
    public static TimelineClock Days(IReadOnlyList<TimelineSubject> subjects, TimelineSubject lead) =>
        Clock("days", subjects.Where(s => s.Days is not null).Select(s => (Math.Max(0, s.Days!.Value), s.Converted, s.Stratum)).ToList(), lead.Days,
            lead.Stratum, lead.Converted, 30, DayHorizon);

    private static TimelineClock Clock(string unit, List<(double Time, bool Event, string Stratum)> all, double? leadTime, string stratum, bool leadConverted,
        double step, double horizon)
    {
        var events = all.Where(s => s.Event).ToList();
        if (events.Count(s => s.Time > 0) < MinEvents)
        {
            var why = events.Count < MinEvents
                ? $"only {events.Count} conversion(s) with a recorded {unit[..^1]} count among {all.Count} lead(s); at least {MinEvents} are needed"
                : $"conversions are dated in the same period as the contact ({events.Count(s => s.Time == 0)} of {events.Count} at zero {unit}), so the time to decide is not measured";
            return new TimelineClock(unit, false, why, all.Count, events.Count, "all", null, null, null, null, []);
        }

        var own = all.Where(s => s.Stratum == stratum).ToList();
        var useStratum = own.Count(s => s.Event) >= MinStratumEvents;
        var cohort = useStratum ? own : all;
        var curve = KaplanMeier.Curve(cohort.Select(s => (s.Time, s.Event)).ToList());
        var eventual = 1 - (curve.LastOrDefault(s => s.AtRisk >= MinAtRisk)?.Survival ?? 1);
        var convertedTimes = cohort.Where(s => s.Event).Select(s => s.Time).ToList();
        double? chance = null;
        if (!leadConverted && leadTime is { } t)
        {
            var now = KaplanMeier.SurvivalAt(curve, t);
            chance = now <= 0 ? 0 : Math.Round(100 * (now - KaplanMeier.SurvivalAt(curve, t + horizon)) / now, 1);
        }

        var steps = new List<TimelineStep>();
        for (var k = 1; k <= MaxSteps; k++)
        {
            var at = k * step;
            // Still observed after the previous step: for touches, leads that had at least k contacts.
            var atRisk = cohort.Count(s => s.Time > at - step);
            var convertedHere = cohort.Count(s => s.Event && s.Time > at - step && s.Time <= at);
            steps.Add(new TimelineStep(at, Math.Round(100 * (1 - KaplanMeier.SurvivalAt(curve, at)), 2), atRisk, convertedHere));
        }

        return new TimelineClock(unit, true, null, cohort.Count, convertedTimes.Count, useStratum ? stratum : "all",
            Math.Round(100 * eventual, 1), Math.Round(Stats.Median(convertedTimes), 1), KaplanMeier.Quantile(cohort.Select(s => (s.Time, s.Event)).ToList(), 0.5),
            chance, steps);
    }
}

/// <param name="Supported">False when the data does not measure this clock; <see cref="WhyNot"/> says why.</param>
/// <param name="Stratum">The group the curve was fitted on ("all" when the lead's own group was too small).</param>
/// <param name="EventualPercent">Share converted by the last time at which at least <see cref="DecisionTimelineModel.MinAtRisk"/> leads were still at risk.</param>
/// <param name="MedianAmongConverted">Half of the leads that did convert had by this many touches (or days).</param>
/// <param name="KaplanMeierMedian">When half of all leads have converted; null when the curve never gets there (most never convert).</param>
/// <param name="ChanceNextPercent">For an open lead: chance of converting within the next horizon (3 touches, 30 days) given how long it has gone.</param>
public sealed record TimelineClock(string Unit, bool Supported, string? WhyNot, int Leads, int Conversions, string Stratum, double? EventualPercent,
    double? MedianAmongConverted, double? KaplanMeierMedian, double? ChanceNextPercent, IReadOnlyList<TimelineStep> Steps);

/// <param name="At">Touch number or day.</param>
/// <param name="ConvertedByPercent">1 − S(at): share converted by then, counting leads that never did.</param>
public sealed record TimelineStep(double At, double ConvertedByPercent, int AtRisk, int ConvertedHere);
