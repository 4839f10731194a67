namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>A method fitted on one series at a time; forecasts are on the series' own scale.</summary>
internal interface ILocalForecaster
{
    string Name { get; }

    double[] Forecast(ReadOnlySpan<double> history, int horizon);
}
