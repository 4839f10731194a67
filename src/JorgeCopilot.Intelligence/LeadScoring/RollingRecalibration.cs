namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>
/// Month-by-month recalibration of a served lead model, using only outcomes known before each month. Why: a model's
/// probabilities are calibrated to the months it was trained on, and when later leads convert several times more
/// (bank-marketing goes from about 6% to 30-50%) no fixed interval around them holds. In production outcomes keep
/// arriving, so each month the served probability p is re-mapped by Platt scaling of logit(p) fitted on the latest
/// whole months holding at least <see cref="MinimumRows"/> outcomes; and the 80% interval's width is the conformal
/// quantile of the month-ahead errors of the latest <see cref="ErrorMonths"/> months (each month's ~200-lead bins scored
/// with the recalibration that was available before that month), never narrower than the model's out-of-fold interval
/// (the first month keeps the model's own). So the interval widens after months in which the recalibrated model
/// missed, and narrows again once the base rate settles.
/// </summary>
public sealed record RollingRecalibration(
    int MinimumRows = RollingRecalibration.DefaultMinimumRows, int ErrorMonths = RollingRecalibration.DefaultErrorMonths)
{
    public const int DefaultMinimumRows = 300;
    public const int DefaultErrorMonths = 6;

    /// <summary>
    /// Scores every row as it would have been served: rows of period k (e.g. year·12 + month) get a recalibration and an
    /// interval width learnt only from rows of earlier periods. Rows of the first period, with no earlier outcomes, keep
    /// the model's own probability and interval.
    /// </summary>
    /// <param name="predictions">The model's predictions (its calibrated probability), one per row.</param>
    /// <param name="labels">Each row's outcome, revealed only after its period is over.</param>
    /// <param name="periods">Each row's period; larger is later.</param>
    /// <param name="interval">The model's own interval: its level, bin size and the narrowest quantile used.</param>
    public IReadOnlyList<LeadPrediction> Walk(IReadOnlyList<LeadPrediction> predictions, IReadOnlyList<bool> labels,
        IReadOnlyList<int> periods, ConformalProbabilityInterval interval)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(interval);
        if (labels.Count != predictions.Count || periods.Count != predictions.Count)
        {
            throw new ArgumentException("One label and one period per prediction.", nameof(labels));
        }

        var result = new LeadPrediction[predictions.Count];
        var past = new List<int[]>();
        var pastScores = new List<double[]>();
        foreach (var month in Enumerable.Range(0, predictions.Count).GroupBy(i => periods[i]).OrderBy(g => g.Key))
        {
            var rows = month.ToArray();
            var served = Next(past, pastScores, predictions, labels, interval);
            foreach (var i in rows)
            {
                result[i] = served.Apply(predictions[i]);
            }

            // The month is over: its outcomes are known, and so are the month-ahead errors of what was served.
            var p = rows.Select(i => result[i].Probability).ToList();
            var y = rows.Select(i => labels[i]).ToList();
            pastScores.Add(ConformalProbabilityInterval.Binned(p, y, interval.BinSize)
                .Select(b => ConformalProbabilityInterval.Score(b.MeanProbability, b.Rate)).ToArray());
            past.Add(rows);
        }

        return result;
    }

    /// <summary>
    /// What to serve now, after every given period's outcomes are known: the walk of <see cref="Walk"/> carried one
    /// month past the last period. The served model uses this with the outcomes of leads created after its training rows.
    /// </summary>
    public ServedRecalibration Current(IReadOnlyList<LeadPrediction> predictions, IReadOnlyList<bool> labels,
        IReadOnlyList<int> periods, ConformalProbabilityInterval interval)
    {
        var served = Walk(predictions, labels, periods, interval);
        var past = Enumerable.Range(0, predictions.Count).GroupBy(i => periods[i]).OrderBy(g => g.Key).Select(g => g.ToArray()).ToList();
        var pastScores = past.Select(rows => ConformalProbabilityInterval
            .Binned(rows.Select(i => served[i].Probability).ToList(), rows.Select(i => labels[i]).ToList(), interval.BinSize)
            .Select(b => ConformalProbabilityInterval.Score(b.MeanProbability, b.Rate)).ToArray()).ToList();
        return Next(past, pastScores, predictions, labels, interval);
    }

    private ServedRecalibration Next(List<int[]> past, List<double[]> pastScores, IReadOnlyList<LeadPrediction> predictions,
        IReadOnlyList<bool> labels, ConformalProbabilityInterval interval)
    {
        var window = LatestRows(past);
        var calibrator = Fit(window, predictions, labels);
        var recentScores = pastScores.TakeLast(ErrorMonths).SelectMany(s => s).ToList();
        // The floor is the model's out-of-fold quantile (the bins' sampling noise and its miscalibration on data like its
        // training rows); drift is what the month-ahead errors measure, so the training-time drift widening is not kept.
        var floor = interval.OutOfFoldQuantile ?? interval.Quantile;
        var quantile = past.Count == 0 ? interval.Quantile
            : recentScores.Count == 0 ? floor
            : Math.Max(floor, ConformalProbabilityInterval.ConformalQuantile(recentScores, interval.Level));
        return new ServedRecalibration(calibrator, interval with { Quantile = quantile }, calibrator is null ? 0 : window.Length);
    }

    /// <summary>
    /// Platt scaling of logit(p) on the given rows' outcomes, or null with fewer than <see cref="MinimumRows"/> rows or
    /// only one outcome among them (nothing to learn a mapping from).
    /// </summary>
    public PlattCalibrator? Fit(IReadOnlyList<int> rows, IReadOnlyList<LeadPrediction> predictions, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labels);
        if (rows.Count < MinimumRows || rows.All(i => labels[i]) || rows.All(i => !labels[i]))
        {
            return null;
        }

        return PlattCalibrator.Fit(rows.Select(i => Logit(predictions[i].Probability)).ToList(), rows.Select(i => labels[i]).ToList());
    }

    /// <summary>The latest whole months, walking back until they hold at least <see cref="MinimumRows"/> rows.</summary>
    private int[] LatestRows(List<int[]> months)
    {
        var rows = new List<int>();
        for (var m = months.Count - 1; m >= 0 && rows.Count < MinimumRows; m--)
        {
            rows.AddRange(months[m]);
        }

        return [.. rows];
    }

    /// <summary>The period key of a creation time: months since year 0, so consecutive months differ by one.</summary>
    public static int Period(DateTime createdAt) => createdAt.Year * 12 + createdAt.Month - 1;

    public static double Logit(double p)
    {
        var q = Math.Clamp(p, 1e-6, 1 - 1e-6);
        return Math.Log(q / (1 - q));
    }
}

/// <summary>
/// A recalibration to serve: Platt scaling of logit(p) (null: the model's probability stands) and the interval to put
/// around the result. <paramref name="Outcomes"/> counts the outcomes the calibrator was fitted on.
/// </summary>
public sealed record ServedRecalibration(PlattCalibrator? Calibrator, ConformalProbabilityInterval Interval, int Outcomes)
{
    /// <summary>The prediction as served; the band, when given, follows the recalibrated probability.</summary>
    public LeadPrediction Apply(LeadPrediction prediction, TemperatureBands? bands = null)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var p = Calibrator is null ? prediction.Probability : Calibrator.Probability(RollingRecalibration.Logit(prediction.Probability));
        var (low, high) = Interval.For(p);
        return prediction with { Probability = p, Low = low, High = high, Band = bands?.For(p) ?? prediction.Band };
    }
}
