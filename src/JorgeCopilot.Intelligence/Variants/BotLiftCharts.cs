using JorgeCopilot.Core.Evaluation;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>The bot-lift suite's PNG charts (ScottPlot 5).</summary>
internal static class BotLiftCharts
{
    public static string Estimates(EvalContext context, string dataset, IReadOnlyList<(string Name, OffPolicyEstimate Estimate)> estimates, double onPolicy)
    {
        var (full, relative) = context.ChartPath("bot-lift", $"{dataset}-estimates.png");
        var plot = new ScottPlot.Plot();
        for (var i = 0; i < estimates.Count; i++)
        {
            var (_, e) = estimates[i];
            var bar = plot.Add.Bar(new ScottPlot.Bar { Position = i, Value = e.Value, Error = 0, ValueBase = 0 });
            bar.Color = ScottPlot.Colors.SteelBlue;
            var whisker = plot.Add.Line(i, e.Low, i, e.High);
            whisker.LineWidth = 3;
            whisker.Color = ScottPlot.Colors.Black;
        }

        var truth = plot.Add.HorizontalLine(onPolicy);
        truth.LegendText = "TS policy's own click rate";
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, estimates.Count).Select(i => (double)i).ToArray(), estimates.Select(e => e.Name).ToArray());
        plot.Title($"{dataset}: TS policy value estimated from the random log (95% bootstrap)");
        plot.YLabel("click rate");
        plot.ShowLegend();
        plot.SavePng(full, 640, 480);
        return relative;
    }

    public static string Cumulative(EvalContext context, string dataset, SimulationResult result)
    {
        var (full, relative) = context.ChartPath("bot-lift", $"{dataset}-cumulative.png");
        var plot = new ScottPlot.Plot();
        var x = Enumerable.Range(1, result.Thompson.CumulativeConversions.Length).Select(i => (double)i * result.Checkpoint).ToArray();
        var ts = plot.Add.Scatter(x, result.Thompson.CumulativeConversions);
        ts.LegendText = "Thompson sampling";
        var ab = plot.Add.Scatter(x, result.EqualSplit.CumulativeConversions);
        ab.LegendText = "fixed equal split (A/B)";
        plot.Title($"{dataset}: cumulative conversions (mean of runs)");
        plot.XLabel("contacts");
        plot.YLabel("conversions");
        plot.ShowLegend();
        plot.SavePng(full, 640, 480);
        return relative;
    }
}
