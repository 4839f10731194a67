namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>One monthly series: its first month and its values in month order (no gaps).</summary>
public sealed record ForecastSeries(string Key, DateOnly Start, double[] Values)
{
    /// <summary>Month of year (0 = January) of the value at <paramref name="index"/>.</summary>
    public int MonthOfYear(int index) => (Start.Month - 1 + index) % 12;

    public DateOnly MonthAt(int index) => Start.AddMonths(index);
}
