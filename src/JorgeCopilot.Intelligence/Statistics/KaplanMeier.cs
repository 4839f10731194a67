namespace JorgeCopilot.Intelligence.Statistics;

/// <summary>
/// Kaplan-Meier estimate of "time until the event" where some subjects have not had it yet (open deals, lost deals,
/// leads not yet converted): they count as at risk until they leave, so a pipeline full of slow open subjects lengthens
/// the estimate instead of vanishing from it, as it would if only the finished ones were averaged.
/// </summary>
public static class KaplanMeier
{
    /// <summary>The first time the survival curve drops to <c>1 − q</c> or below (null if it never does).</summary>
    public static double? Quantile(IReadOnlyList<(double Days, bool Event)> subjects, double q)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        return Curve(subjects).FirstOrDefault(s => s.Survival <= 1 - q)?.Time;
    }

    /// <summary>The survival curve's steps: one per distinct time with at least one event, in time order.</summary>
    public static IReadOnlyList<SurvivalStep> Curve(IReadOnlyList<(double Days, bool Event)> subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var steps = new List<SurvivalStep>();
        var survival = 1.0;
        var atRisk = subjects.Count;
        foreach (var group in subjects.GroupBy(s => s.Days).OrderBy(g => g.Key))
        {
            var events = group.Count(s => s.Event);
            if (events > 0 && atRisk > 0)
            {
                survival *= 1 - (double)events / atRisk;
                steps.Add(new SurvivalStep(group.Key, survival, atRisk, events));
            }

            atRisk -= group.Count();
        }

        return steps;
    }

    /// <summary>S(t): the share still without the event after time <paramref name="time"/> (1 before the first event).</summary>
    public static double SurvivalAt(IReadOnlyList<SurvivalStep> curve, double time)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var last = curve.LastOrDefault(s => s.Time <= time);
        return last?.Survival ?? 1.0;
    }
}

/// <param name="Survival">Share without the event after <paramref name="Time"/>.</param>
/// <param name="AtRisk">Subjects still without the event (and still observed) just before <paramref name="Time"/>.</param>
public sealed record SurvivalStep(double Time, double Survival, int AtRisk, int Events);
