using System.Globalization;
using JorgeCopilot.Core.Evaluation;

namespace JorgeCopilot.Evals.Runner;

/// <summary>Decides pass/fail for one measured run; suites only measure.</summary>
public static class ThresholdEvaluator
{
    public static EvalRunReport Evaluate(string suite, EvalMeasurement measurement, IReadOnlyDictionary<string, MetricThreshold> thresholds)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        ArgumentNullException.ThrowIfNull(thresholds);

        var failures = new List<string>();
        foreach (var (metric, bound) in thresholds)
        {
            if (!measurement.Metrics.TryGetValue(metric, out var value))
            {
                // A gated metric that vanished is a regression too: the suite stopped measuring what we promised.
                failures.Add($"{metric}: not measured");
            }
            else if (double.IsNaN(value) || double.IsInfinity(value))
            {
                failures.Add($"{metric}: {Format(value)} is not a number");
            }
            else if (!bound.IsMet(value))
            {
                failures.Add(bound.Min is { } min && value < min
                    ? $"{metric}: {Format(value)} < min {Format(min)}"
                    : $"{metric}: {Format(value)} > max {Format(bound.Max!.Value)}");
            }
        }

        var notes = measurement.Notes.ToList();
        if (thresholds.Count == 0)
        {
            notes.Add("No thresholds are set for this run in thresholds.json.");
        }

        return new EvalRunReport(suite, measurement.Dataset, measurement.Metrics, thresholds, failures.Count == 0)
        {
            Failures = failures.Count == 0 ? null : failures,
            Charts = measurement.Charts.Count == 0 ? null : measurement.Charts,
            Notes = notes.Count == 0 ? null : notes,
        };
    }

    /// <summary>Four decimals for rates and scores, fewer for large values such as prices.</summary>
    public static string Format(double value) =>
        double.IsNaN(value) || double.IsInfinity(value) ? value.ToString(CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 1000 ? value.ToString("#,0.#", CultureInfo.InvariantCulture)
        : value.ToString("0.####", CultureInfo.InvariantCulture);
}
