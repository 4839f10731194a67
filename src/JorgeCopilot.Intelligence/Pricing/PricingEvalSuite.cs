using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Evaluation;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// Eval suite "pricing" on King County: a random parcel holdout (80/20, seed 1; repeat sales of a parcel stay
/// together) and a time-ordered holdout (train before 2015-03-01, test March–May 2015; keys prefixed <c>time_</c>).
/// Location features and conformal calibration use training sales only in both; the time-ordered holdout calibrates on
/// the most recent training sales (it asks a forecasting question, as the served model does).
/// </summary>
public sealed class PricingEvalSuite(DataLocator data) : IEvalSuite
{
    public const string Dataset = "kc-house";
    public static readonly DateOnly TimeCutoff = new(2015, 3, 1);

    public string Name => "pricing";

    public PriceModelOptions Options { get; init; } = new();

    public async Task<IReadOnlyList<EvalMeasurement>> RunAsync(EvalContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = PricingTrainer.KingCountyFile(data)
            ?? throw new FileNotFoundException("kc_house_data.csv.gz was found neither in data/kc-house nor in the shared data folder.");
        var sales = KingCountySales.Read(file);
        var progress = new Progress<string>(context.Report);

        var (train, test) = PricingHoldout.RandomSplit(sales);
        context.Report($"pricing: random holdout, {train.Count:N0} train / {test.Count:N0} test sales");
        var random = await Task.Run(() => PricingHoldout.Evaluate(train, test, Options, "", progress), cancellationToken);

        var (timeTrain, timeTest) = PricingHoldout.TimeSplit(sales, TimeCutoff);
        context.Report($"pricing: time-ordered holdout, {timeTrain.Count:N0} train / {timeTest.Count:N0} test sales");
        var timed = await Task.Run(() => PricingHoldout.Evaluate(timeTrain, timeTest, Options with { Calibration = ConformalMode.Recent }, "time_", progress), cancellationToken);

        var metrics = new Dictionary<string, double>(random.Metrics);
        foreach (var (key, value) in timed.Metrics)
        {
            metrics[key] = value;
        }

        var charts = new List<string>();
        var (histogram, histogramRel) = context.ChartPath(Name, "error-histogram.png");
        PricingCharts.ErrorHistogram(random.Actual, random.Predicted, $"King County random holdout: error (mdape {random.Metrics["mdape"]:P1})", histogram);
        charts.Add(histogramRel);
        var (scatter, scatterRel) = context.ChartPath(Name, "predicted-vs-actual.png");
        PricingCharts.PredictedVsActual(random.Actual, random.Predicted, "King County random holdout: predicted vs actual", scatter);
        charts.Add(scatterRel);
        var (timeScatter, timeScatterRel) = context.ChartPath(Name, "time-predicted-vs-actual.png");
        PricingCharts.PredictedVsActual(timed.Actual, timed.Predicted, "King County time-ordered holdout: predicted vs actual", timeScatter);
        charts.Add(timeScatterRel);

        return
        [
            new EvalMeasurement(Dataset, metrics)
            {
                Charts = charts,
                Notes =
                [
                    $"Random: {train.Count:N0}/{test.Count:N0} sales split by parcel (SplitMix64(parcel xor 1) < 0.2). Time-ordered: train before {TimeCutoff:yyyy-MM-dd} ({timeTrain.Count:N0}), test after ({timeTest.Count:N0}).",
                    $"Location features come from training sales only (out-of-fold within training), with neighbours' prices time-adjusted to the latest training sale. Sales whose out-of-fold error on a first pass is over {Options.ScreenMultiple}× the median are left out of fitting and those over {Options.DownweightMultiple}× it are down-weighted (never out of calibration or test). " +
                    "Random holdout: intervals are cross-fit conformal (out-of-fold residuals of every training sale; the trees are then fitted on all of them). Time-ordered holdout: forward-looking conformal, residuals of the latest 15% of training sales from trees fitted on the earlier ones, then the trees refitted on every training sale.",
                    $"Model: {random.Model.Info.Algorithm}. r2 is on log price.",
                    "Peer baseline on the same splits (xgboost on the raw columns): /usr/bin/python3 evals/baselines/pricing_baseline.py ../shared/data.",
                ],
            },
        ];
    }
}
