namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// The DR estimator's reward model: click rate per (item, slot) as the item's rate over all slots, shrunk toward the
/// log's overall rate by <see cref="PriorImpressions"/> pseudo-impressions (clicks are ~0.5%, so a raw per-cell rate
/// would be mostly zeros), times the slot's rate relative to the overall one.
/// </summary>
public static class ClickRateModel
{
    public const double PriorImpressions = 300;

    public static double[,] Fit(IEnumerable<LoggedImpression> training, int actions)
    {
        ArgumentNullException.ThrowIfNull(training);
        var itemShown = new double[actions];
        var itemClicks = new double[actions];
        var slotShown = new double[OpenBanditLog.Slots];
        var slotClicks = new double[OpenBanditLog.Slots];
        foreach (var row in training)
        {
            var click = row.Reward ? 1 : 0;
            itemShown[row.Action]++;
            itemClicks[row.Action] += click;
            slotShown[row.Slot]++;
            slotClicks[row.Slot] += click;
        }

        var overall = (slotClicks.Sum() + 1) / (slotShown.Sum() + 2);
        var q = new double[actions, OpenBanditLog.Slots];
        for (var k = 0; k < OpenBanditLog.Slots; k++)
        {
            var slotFactor = (slotClicks[k] + PriorImpressions * overall) / (slotShown[k] + PriorImpressions) / overall;
            for (var a = 0; a < actions; a++)
            {
                var item = (itemClicks[a] + PriorImpressions * overall) / (itemShown[a] + PriorImpressions);
                q[a, k] = Math.Min(1, item * slotFactor);
            }
        }

        return q;
    }

    /// <summary>Cross-fitted: even rows get the model fitted on odd rows and vice versa, so DR's correction stays unbiased.</summary>
    public static Func<int, double[,]> CrossFit(IReadOnlyList<LoggedImpression> log, int actions)
    {
        ArgumentNullException.ThrowIfNull(log);
        var onOdd = Fit(log.Where((_, i) => i % 2 == 1), actions);
        var onEven = Fit(log.Where((_, i) => i % 2 == 0), actions);
        return row => row % 2 == 0 ? onOdd : onEven;
    }
}
