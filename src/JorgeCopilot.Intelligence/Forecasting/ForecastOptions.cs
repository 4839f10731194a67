namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>How the engine fits, backtests and combines its candidates.</summary>
public sealed record ForecastOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>Months forecast ahead.</summary>
    public int Horizon { get; init; } = 12;

    /// <summary>Rolling origins just before the forecast origin whose errors weight the candidates (recent skill counts most).</summary>
    public int InnerOrigins { get; init; } = 4;

    /// <summary>
    /// Rolling origins whose residuals calibrate the bands: more than the weighting uses, because a band's tail needs
    /// rare months (the 2010 tax-credit expiry, 2020's lockdown) that a year of calm history never shows.
    /// </summary>
    public int CalibrationOrigins { get; init; } = 20;

    /// <summary>Months between those origins.</summary>
    public int InnerStep { get; init; } = 3;

    /// <summary>
    /// How many of the best candidates (by backtest error) the combination keeps. 5 (all of them) was chosen on the
    /// validation window (origins 2015-10 … 2018-10, Zillow metros): relative MASE 0.856 against 0.864 for 4 and 0.874
    /// for 3; see the README's forecasting section for the grid and the test-window figures.
    /// </summary>
    public int Combine { get; init; } = 5;

    /// <summary>
    /// Outlier rule applied to the history before the exponential-smoothing and Theta candidates fit (null: raw history).
    /// Off: no rule beat the raw history on the validation windows (docs/forecasting-choices.md).
    /// </summary>
    public OutlierRule? Outliers { get; init; }

    public bool UseGlobalModel { get; init; } = true;

    /// <summary>
    /// Adds the cross-series common factor (mean log year-on-year change over all series forecast together, last 1/3/6
    /// months before the origin) to the global model's features. Off: worse on validation (docs/forecasting-choices.md).
    /// </summary>
    public bool CommonFactor { get; init; }

    /// <summary>Global models trained with seeds Seed, Seed + 1, … and averaged (on the log-change scale).</summary>
    public int GlobalSeeds { get; init; } = 1;

    public int BoostingIterations { get; init; } = 300;

    /// <summary>Series fitted in parallel (the global model always trains one at a time).</summary>
    public int Parallelism { get; init; } = 2;
}
