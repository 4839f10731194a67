using ScottPlot;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>Fan chart: history, the median forecast and its 80%/95% bands (and the actual months when known).</summary>
public static class ForecastCharts
{
    public static void Fan(string title, IReadOnlyList<DateOnly> historyMonths, IReadOnlyList<double> history, SeriesForecast forecast,
        IReadOnlyList<double>? actual, string yLabel, string path)
    {
        ArgumentNullException.ThrowIfNull(historyMonths);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(forecast);
        static double X(DateOnly month) => month.ToDateTime(TimeOnly.MinValue).ToOADate();
        var plot = new Plot();
        var xs = forecast.Months.Select(X).ToArray();
        var band95 = plot.Add.FillY(xs, forecast.Lower95, forecast.Upper95);
        band95.FillColor = Colors.SteelBlue.WithAlpha(0.18);
        band95.LineColor = Colors.Transparent;
        band95.LegendText = "95%";
        var band80 = plot.Add.FillY(xs, forecast.Lower80, forecast.Upper80);
        band80.FillColor = Colors.SteelBlue.WithAlpha(0.35);
        band80.LineColor = Colors.Transparent;
        band80.LegendText = "80%";
        var past = plot.Add.Scatter(historyMonths.Select(X).ToArray(), history.ToArray());
        past.Color = Colors.Black;
        past.MarkerSize = 0;
        past.LegendText = "history";
        var median = plot.Add.Scatter(xs, forecast.Median);
        median.Color = Colors.SteelBlue;
        median.LineWidth = 2;
        median.MarkerSize = 0;
        median.LegendText = "forecast";
        if (actual is not null)
        {
            var truth = plot.Add.Scatter(xs, actual.ToArray());
            truth.Color = Colors.OrangeRed;
            truth.MarkerSize = 4;
            truth.LineWidth = 0;
            truth.LegendText = "actual";
        }

        plot.Axes.DateTimeTicksBottom();
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.SavePng(path, 1000, 500);
    }

    /// <summary>Fan chart from an answer's chart data (month labels on the x axis), as the CLI and Teams cards draw it.</summary>
    public static void FromChart(ForecastChart chart, string title, string path)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var plot = new Plot();
        var xs = Enumerable.Range(0, chart.X.Count).Select(i => (double)i).ToArray();
        var band95 = plot.Add.FillY(xs, chart.Lower95, chart.Upper95);
        band95.FillColor = Colors.SteelBlue.WithAlpha(0.18);
        band95.LineColor = Colors.Transparent;
        band95.LegendText = "95%";
        var band80 = plot.Add.FillY(xs, chart.Lower, chart.Upper);
        band80.FillColor = Colors.SteelBlue.WithAlpha(0.35);
        band80.LineColor = Colors.Transparent;
        band80.LegendText = "80%";
        var median = plot.Add.Scatter(xs, chart.Median);
        median.Color = Colors.SteelBlue;
        median.LineWidth = 2;
        median.LegendText = "median";
        plot.Axes.Bottom.SetTicks(xs, chart.X.ToArray());
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title(title);
        plot.YLabel(chart.Unit);
        plot.SavePng(path, 1000, 500);
    }

    /// <summary>Coverage of the 80% and 95% bands at each origin, with the nominal levels as reference lines.</summary>
    public static void CoverageByOrigin(string title, IReadOnlyList<(DateOnly Month, double Cover80, double Cover95)> origins, string path)
    {
        ArgumentNullException.ThrowIfNull(origins);
        var plot = new Plot();
        var xs = origins.Select(o => o.Month.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        var c80 = plot.Add.Scatter(xs, origins.Select(o => o.Cover80).ToArray());
        c80.LegendText = "80% band";
        c80.Color = Colors.SteelBlue;
        var c95 = plot.Add.Scatter(xs, origins.Select(o => o.Cover95).ToArray());
        c95.LegendText = "95% band";
        c95.Color = Colors.DarkOrange;
        plot.Add.HorizontalLine(0.8, 1, Colors.SteelBlue, LinePattern.Dashed);
        plot.Add.HorizontalLine(0.95, 1, Colors.DarkOrange, LinePattern.Dashed);
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.SetLimitsY(0, 1.05);
        plot.Title(title);
        plot.XLabel("origin (last known month)");
        plot.YLabel("share of actual months inside the band");
        plot.ShowLegend();
        plot.SavePng(path, 900, 450);
    }
}
