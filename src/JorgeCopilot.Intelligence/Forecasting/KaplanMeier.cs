namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// Kaplan-Meier estimate of "days until the event" where some subjects have not had it yet (open deals, lost deals):
/// they count as at risk until they leave, so a pipeline full of slow open deals lengthens the estimate instead of
/// vanishing from it, as it would if only closed deals were averaged.
/// </summary>
public static class KaplanMeier
{
    /// <summary>The first time the survival curve drops to <c>1 − q</c> or below (null if it never does).</summary>
    public static double? Quantile(IReadOnlyList<(double Days, bool Event)> subjects, double q)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var survival = 1.0;
        var atRisk = subjects.Count;
        foreach (var group in subjects.GroupBy(s => s.Days).OrderBy(g => g.Key))
        {
            var events = group.Count(s => s.Event);
            if (events > 0 && atRisk > 0)
            {
                survival *= 1 - (double)events / atRisk;
                if (survival <= 1 - q)
                {
                    return group.Key;
                }
            }

            atRisk -= group.Count();
        }

        return null;
    }
}
