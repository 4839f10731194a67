using ScottPlot;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>The eval's charts: histogram of percentage errors and predicted against actual price (log axes).</summary>
public static class PricingCharts
{
    public static void ErrorHistogram(IReadOnlyList<double> actual, IReadOnlyList<double> predicted, string title, string path)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        var errors = actual.Select((a, i) => Math.Clamp((predicted[i] - a) / a * 100, -60, 60)).ToArray();
        var bins = new double[24];
        foreach (var e in errors)
        {
            bins[Math.Min(23, (int)((e + 60) / 5))]++;
        }

        var plot = new Plot();
        var bars = plot.Add.Bars(bins.Select((count, i) => new Bar { Position = -57.5 + i * 5, Value = count, Size = 4.6 }).ToArray());
        _ = bars;
        plot.Title(title);
        plot.XLabel("prediction error, % of sale price (clipped at ±60)");
        plot.YLabel("sales");
        plot.SavePng(path, 900, 500);
    }

    public static void PredictedVsActual(IReadOnlyList<double> actual, IReadOnlyList<double> predicted, string title, string path)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        var plot = new Plot();
        var xs = actual.Select(Math.Log10).ToArray();
        var ys = predicted.Select(Math.Log10).ToArray();
        var scatter = plot.Add.ScatterPoints(xs, ys);
        scatter.MarkerSize = 2;
        var lo = Math.Min(xs.Min(), ys.Min());
        var hi = Math.Max(xs.Max(), ys.Max());
        plot.Add.Line(lo, lo, hi, hi);
        plot.Title(title);
        plot.XLabel("actual sale price (log10 USD)");
        plot.YLabel("predicted (log10 USD)");
        plot.SavePng(path, 700, 700);
    }
}
