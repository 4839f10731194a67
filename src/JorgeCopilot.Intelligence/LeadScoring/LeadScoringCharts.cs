using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Intelligence.Monitoring;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>The suite's PNG charts (ScottPlot 5): reliability diagram and decile lift.</summary>
internal static class LeadScoringCharts
{
    public static string Calibration(EvalContext context, string dataset, IReadOnlyList<double> p, IReadOnlyList<bool> y)
    {
        var (full, relative) = context.ChartPath("lead-scoring", $"{dataset}-calibration.png");
        var bins = BinaryMetrics.CalibrationBins(p, y, 10);
        var plot = new ScottPlot.Plot();
        var ideal = plot.Add.Line(0, 0, 1, 1);
        ideal.LegendText = "perfect calibration";
        var observed = plot.Add.Scatter(bins.Select(b => b.MeanPredicted).ToArray(), bins.Select(b => b.ObservedRate).ToArray());
        observed.LegendText = "observed rate per probability bin";
        plot.Title($"{dataset}: calibration (out-of-fold, ECE {BinaryMetrics.Ece(p, y):0.000})");
        plot.XLabel("predicted probability");
        plot.YLabel("observed conversion rate");
        plot.ShowLegend();
        plot.SavePng(full, 640, 480);
        return relative;
    }

    public static string Lift(EvalContext context, string dataset, IReadOnlyList<double> p, IReadOnlyList<bool> y)
    {
        var (full, relative) = context.ChartPath("lead-scoring", $"{dataset}-lift.png");
        var lift = BinaryMetrics.DecileLift(p, y);
        var plot = new ScottPlot.Plot();
        plot.Add.Bars(lift);
        var baseline = plot.Add.HorizontalLine(1);
        baseline.LegendText = "random ordering";
        plot.Title($"{dataset}: lift by score decile (1 = hottest 10%)");
        plot.XLabel("decile (0 = top)");
        plot.YLabel("conversion rate / base rate");
        plot.SavePng(full, 640, 480);
        return relative;
    }
}
