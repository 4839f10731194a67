using JorgeCopilot.Intelligence.Forecasting;

namespace JorgeCopilot.UnitTests.Forecasting;

/// <summary>Seasonal monthly series with known structure (seeded noise), for forecasting tests.</summary>
internal static class SyntheticSeries
{
    public static ForecastSeries Seasonal(string key, int months, double level, double growthPerMonth, double amplitude, double noise, int seed)
    {
        var random = new Random(seed);
        var values = new double[months];
        for (var t = 0; t < months; t++)
        {
            var seasonal = 1 + amplitude * Math.Sin(2 * Math.PI * t / 12);
            var shock = 1 + noise * (random.NextDouble() * 2 - 1);
            values[t] = level * Math.Pow(1 + growthPerMonth, t) * seasonal * shock;
        }

        return new ForecastSeries(key, new DateOnly(2010, 1, 1), values);
    }
}
