namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// Training settings for the price model. Defaults were chosen on an inner split of the training parcels (seed 11) and
/// an inner time split (train before 2014-12-01), never on the eval's test rows, comparing each candidate as the mean
/// over three seeds: depth ≤ 5 keeps exact TreeSHAP within the valuation latency budget at the same inner-validation
/// error as unbounded trees; 1700 trees at rate 0.03 beat 1000 at 0.05 by about 0.1 point of median error on both
/// inner splits; screening non-market sales gained about 0.1 point and half a point within 10%.
/// </summary>
public sealed record PriceModelOptions
{
    public int Seed { get; init; } = 1;
    public int Iterations { get; init; } = 1700;
    public double LearningRate { get; init; } = 0.03;
    public int Leaves { get; init; } = 31;
    /// <summary>Depth limit: exact TreeSHAP costs O(trees × leaves × depth²), so shallow trees keep explanations fast.</summary>
    public int MaxDepth { get; init; } = 5;
    public int MinimumLeafCount { get; init; } = 10;
    public double FeatureFraction { get; init; } = 0.5;
    public double SubsampleFraction { get; init; } = 0.8;
    public double L2 { get; init; } = 1;
    /// <summary>
    /// Sales whose first-pass out-of-fold log error is above this multiple of the median one are left out of fitting
    /// (non-market sales; see <see cref="PriceModelBuilder"/>); 0 fits every sale. At 4 that is about 5% of King County
    /// sales, each roughly a third or more away from what the trees expect of it.
    /// </summary>
    public double ScreenMultiple { get; init; } = 4;
    /// <summary>
    /// Sales whose first-pass error lies between this multiple of the median and <see cref="ScreenMultiple"/> are fitted
    /// at weight (multiple × median error / error)², so the screen steps down smoothly instead of at a cliff; 0 fits
    /// every unscreened sale at full weight. On top of the time-adjusted location pool it lowered median error on every
    /// inner split tried (three random, two time-ordered; five seeds each), by 0.035 point random and 0.075 time-ordered
    /// on average; the two changes together by 0.05 and 0.11.
    /// </summary>
    public double DownweightMultiple { get; init; } = 2;
    /// <summary>Share of parcels held out of fitting to calibrate the conformal intervals (split calibration only).</summary>
    public double CalibrationShare { get; init; } = 0.15;
    /// <summary>How the conformal residuals are obtained.</summary>
    public ConformalMode Calibration { get; init; } = ConformalMode.CrossFit;
    /// <summary>Share of the most recent training sales used for the forward-looking part of calibration.</summary>
    public double RecentShare { get; init; } = 0.15;
    /// <summary>
    /// Give every training sale an out-of-fold value (for undervalued homes): the screening pass's, when it ran (a
    /// model per fold that never saw the sale), else one model per fold.
    /// </summary>
    public bool OutOfFold { get; init; }
    /// <summary>
    /// How many LightGBM ensembles (seeds Seed, Seed+1, ...) are averaged. Two cut median error by about 0.05 point on
    /// both inner splits (7.11% → 7.05% random, 8.21% → 8.17% time; three gave no more), and on the eval's holdouts by
    /// 0.04 / 0.02 point (7.46% / 8.21% against 7.50% / 8.23%), at twice the training and explanation time. One is the
    /// default for the valuation's latency (issue 19): over HTTP at 50 connections one member served 1,136 valuations a
    /// second against 526 for two in the same minutes (0.79 against 0.36 of /health), in process 1.45 ms a valuation
    /// with its exact TreeSHAP reasons; the second member moves the median error by about $200 on a $500k home, far
    /// inside that home's 80% interval.
    /// </summary>
    public int Members { get; init; } = 1;

    /// <summary>
    /// Trees and learning rate of the screening pass (one member per fold). It only has to rank sales by how far they
    /// sit from what the trees expect, and the cut is relative to its own median error, so a short fast pass does:
    /// 400 trees at 0.1 cost a quarter of the served fits.
    /// </summary>
    public int ScreenIterations { get; init; } = 400;

    public double ScreenLearningRate { get; init; } = 0.1;

    /// <summary>
    /// LightGBM threads. One: with two OpenMP threads on a busy two-core machine a 1,700-tree fit on 17,000 sales took
    /// over two minutes (its threads spin at every barrier while the other core is taken) against about 10 s with one.
    /// </summary>
    public int Threads { get; init; } = 1;
}

/// <summary>Where the conformal calibration residuals come from.</summary>
public enum ConformalMode
{
    /// <summary>A random share of parcels held out of the served model.</summary>
    Split,
    /// <summary>Out-of-fold residuals of every training sale (CV+); the served model sees every sale.</summary>
    CrossFit,
    /// <summary>Residuals of the most recent sales from a model fitted on the earlier ones (forecast-like); the served model sees every sale.</summary>
    Recent,
}
