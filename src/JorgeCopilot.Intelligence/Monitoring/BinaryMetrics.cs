namespace JorgeCopilot.Intelligence.Monitoring;

/// <summary>Held-out metrics for probability forecasts of a binary outcome (names as in the eval report).</summary>
public static class BinaryMetrics
{
    /// <summary>ROC AUC by the rank-sum formula, ties counted half.</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var n = scores.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => scores[i]).ToArray();
        double positives = labels.Count(l => l), negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        double rankSum = 0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            var rank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
            {
                if (labels[order[k]])
                {
                    rankSum += rank;
                }
            }

            i = j + 1;
        }

        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    /// <summary>Average precision (the step-wise area under the precision-recall curve, as scikit-learn computes it).</summary>
    public static double PrAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        double positives = labels.Count(l => l);
        if (positives == 0)
        {
            return double.NaN;
        }

        double tp = 0, fp = 0, ap = 0, lastRecall = 0;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j < order.Length && scores[order[j]] == scores[order[i]])
            {
                if (labels[order[j]]) { tp++; } else { fp++; }
                j++;
            }

            var recall = tp / positives;
            ap += (recall - lastRecall) * (tp / (tp + fp));
            lastRecall = recall;
            i = j;
        }

        return ap;
    }

    public static double Brier(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels) =>
        probabilities.Select((p, i) => Math.Pow(p - (labels[i] ? 1 : 0), 2)).Average();

    /// <summary>Expected calibration error over equal-width probability bins, weighted by bin size.</summary>
    public static double Ece(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, int bins = 10) =>
        CalibrationBins(probabilities, labels, bins).Sum(b => b.Count * Math.Abs(b.MeanPredicted - b.ObservedRate)) / probabilities.Count;

    /// <summary>Conversion rate among the top 10% by score, divided by the overall rate.</summary>
    public static double TopDecileLift(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var baseRate = labels.Count(l => l) / (double)labels.Count;
        var top = Math.Max(1, scores.Count / 10);
        var rate = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).Take(top).Count(i => labels[i]) / (double)top;
        return baseRate == 0 ? double.NaN : rate / baseRate;
    }

    public static double Accuracy(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, double threshold = 0.5) =>
        probabilities.Select((p, i) => (p >= threshold) == labels[i]).Count(ok => ok) / (double)labels.Count;

    /// <summary>Accuracy of always predicting the majority class.</summary>
    public static double BaselineAccuracy(IReadOnlyList<bool> labels)
    {
        var rate = labels.Count(l => l) / (double)labels.Count;
        return Math.Max(rate, 1 - rate);
    }

    /// <summary>Lift per score decile (1 = top decile), for the lift chart.</summary>
    public static double[] DecileLift(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var baseRate = labels.Count(l => l) / (double)labels.Count;
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var result = new double[10];
        for (var d = 0; d < 10; d++)
        {
            var from = d * order.Length / 10;
            var to = (d + 1) * order.Length / 10;
            result[d] = to == from ? 0 : order[from..to].Count(i => labels[i]) / (double)(to - from) / baseRate;
        }

        return result;
    }

    public static IReadOnlyList<CalibrationBin> CalibrationBins(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, int bins = 10)
    {
        var result = new List<CalibrationBin>();
        for (var b = 0; b < bins; b++)
        {
            double lo = b / (double)bins, hi = (b + 1) / (double)bins;
            var members = Enumerable.Range(0, probabilities.Count)
                .Where(i => probabilities[i] >= lo && (probabilities[i] < hi || (b == bins - 1 && probabilities[i] <= hi)))
                .ToList();
            if (members.Count > 0)
            {
                result.Add(new CalibrationBin(members.Average(i => probabilities[i]), members.Count(i => labels[i]) / (double)members.Count, members.Count));
            }
        }

        return result;
    }
}

public sealed record CalibrationBin(double MeanPredicted, double ObservedRate, int Count);
