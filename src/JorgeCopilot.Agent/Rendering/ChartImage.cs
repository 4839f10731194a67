using ScottPlot;

namespace JorgeCopilot.Agent.Rendering;

/// <summary>
/// Draws an <see cref="AnswerChart"/> as a PNG (ScottPlot): each series as a line over its x labels, the band (an
/// interval) shaded behind them. Web answers embed it as a data URI, Teams cards as an image; SMS leaves it out.
/// </summary>
public static class ChartImage
{
    public const int Width = 640;
    public const int Height = 360;
    private const int MaxTicks = 8;

    public static byte[] Png(AnswerChart chart) => Png(chart, Width, Height);

    public static byte[] Png(AnswerChart chart, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var plot = new Plot();
        var xs = Enumerable.Range(0, chart.X.Count).Select(i => (double)i).ToArray();
        if (chart.Lower is { } lower && chart.Upper is { } upper)
        {
            var band = plot.Add.FillY(xs, [.. upper], [.. lower]);
            band.FillColor = Colors.SteelBlue.WithAlpha(0.25);
            band.LineWidth = 0;
            band.LegendText = "interval";
        }

        foreach (var (name, values) in chart.Series)
        {
            var line = plot.Add.Scatter(xs, values.ToArray());
            line.LegendText = name;
            line.MarkerSize = 3;
        }

        // At most a handful of x labels, evenly spaced, always including the last point (the newest month).
        var step = Math.Max(1, (int)Math.Ceiling(chart.X.Count / (double)MaxTicks));
        var ticks = Enumerable.Range(0, chart.X.Count).Where(i => i % step == 0 || i == chart.X.Count - 1)
            .Select(i => new Tick(i, chart.X[i])).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Title(chart.Title);
        if (chart.YLabel is { Length: > 0 } y)
        {
            plot.YLabel(y);
        }

        if (chart.Series.Count > 1 || chart.Lower is not null)
        {
            plot.ShowLegend();
        }

        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    public static string DataUri(AnswerChart chart, int width = Width, int height = Height) => "data:image/png;base64," + Convert.ToBase64String(Png(chart, width, height));
}
