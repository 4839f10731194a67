using JorgeCopilot.Intelligence.Explain;
using JorgeCopilot.Intelligence.Statistics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// Fits the price model: an average of LightGBM ensembles (different seeds) on log(price) with out-of-fold location
/// aggregates, conformal intervals from residuals the fitted trees never saw (see <see cref="ConformalMode"/>), and
/// optionally out-of-fold values for every training sale (the screening pass's). The trees are read out of ML.NET once, so serving needs
/// no prediction engine and the same trees give the exact TreeSHAP explanation.
/// <para>
/// Non-market sales (family transfers, distressed or partial-interest sales) are screened out of fitting first: a sale
/// whose out-of-fold error exceeds <see cref="PriceModelOptions.ScreenMultiple"/> × the median out-of-fold error is
/// not fitted, because squared loss lets a few of them bend the trees for the ordinary homes around them, and one whose
/// error is above <see cref="PriceModelOptions.DownweightMultiple"/> × the median is fitted at a reduced weight. Screened
/// sales still count everywhere a model is judged: they stay in the conformal calibration residuals, in the location
/// pool, and (in the eval) in every test split, so intervals and measured errors include them.
/// </para>
/// </summary>
public static class PriceModelBuilder
{
    /// <param name="labels">Plain names of an export's extra columns by field (from its mapping), used in reasons.</param>
    public static PriceModel Train(IReadOnlyList<HomeSale> sales, PriceModelOptions? options = null, IProgress<string>? progress = null, TimeProvider? clock = null,
        IReadOnlyDictionary<string, string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(sales);
        options ??= new PriceModelOptions();
        var index = new NeighborhoodIndex(sales);
        if (index.Count < 50)
        {
            throw new InvalidOperationException($"The price model needs at least 50 sales with a price and living area; got {index.Count}.");
        }

        var extras = ExportFeatures.From(index.Sales, labels);
        progress?.Report($"Building features for {index.Count:N0} sales");
        var rows = new PriceRow[index.Count];
        Parallel.For(0, index.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, i =>
        {
            var sale = index.Sales[i];
            var near = index.Describe(sale.Home, sale.ParcelId, index.FoldOf(i));
            var hedonic = index.Hedonic.Predict(sale.Home, sale.SaleDate);
            rows[i] = new PriceRow
            {
                Features = PriceModel.Vector(sale.Home, sale.SaleDate, near, hedonic, extras),
                Label = (float)Math.Log(sale.Price),
            };
        });

        var ml = new MLContext(options.Seed);
        var outOfFold = new double[index.Count];
        Array.Fill(outOfFold, double.NaN);
        var fit = Screen(ml, index, rows, options, progress, outOfFold);
        var residuals = new List<double>();
        TreeEnsemble[] members;
        int fittedSales;
        switch (options.Calibration)
        {
            case ConformalMode.Split:
            {
                var calibration = new bool[index.Count];
                for (var i = 0; i < index.Count; i++)
                {
                    calibration[i] = ParcelHash.Uniform(index.Sales[i].ParcelId, (ulong)options.Seed + 2) < options.CalibrationShare;
                }

                progress?.Report("Fitting LightGBM on log price");
                members = FitMembers(ml, Select(rows, i => !calibration[i] && fit[i]), options);
                fittedSales = Enumerable.Range(0, index.Count).Count(i => !calibration[i] && fit[i]);
                AddResiduals(members, rows, i => calibration[i], residuals);
                break;
            }

            case ConformalMode.Recent:
            {
                var cutoff = RecentCutoff(index, options.RecentShare);
                progress?.Report($"Calibrating on sales from {cutoff:yyyy-MM-dd}");
                var earlier = FitMembers(ml, Select(rows, i => index.Sales[i].SaleDate < cutoff && fit[i]), options);
                AddResiduals(earlier, rows, i => index.Sales[i].SaleDate >= cutoff, residuals);
                progress?.Report("Fitting LightGBM on log price");
                members = FitMembers(ml, Select(rows, i => fit[i]), options);
                fittedSales = fit.Count(f => f);
                break;
            }

            default:
            {
                FillOutOfFold(ml, index, rows, fit, options, outOfFold, progress);
                for (var i = 0; i < index.Count; i++)
                {
                    residuals.Add(Math.Abs(rows[i].Label - outOfFold[i]));
                }

                progress?.Report("Fitting LightGBM on log price");
                members = FitMembers(ml, Select(rows, i => fit[i]), options);
                fittedSales = fit.Count(f => f);
                break;
            }
        }

        if (residuals.Count < 20)
        {
            throw new InvalidOperationException($"Too few calibration sales ({residuals.Count}) for conformal intervals; add more sales.");
        }

        var conformal = new ConformalWidths(
            ConformalCalibrator.HalfWidth(residuals, 0.80),
            ConformalCalibrator.HalfWidth(residuals, 0.95),
            residuals.Count);

        if (options.OutOfFold && options.Calibration != ConformalMode.CrossFit && options.ScreenMultiple <= 0)
        {
            FillOutOfFold(ml, index, rows, fit, options, outOfFold, progress);
        }
        else if (!options.OutOfFold && options.Calibration != ConformalMode.CrossFit)
        {
            Array.Fill(outOfFold, double.NaN);
        }

        var dates = index.Sales.Select(s => s.SaleDate).ToArray();
        var info = new PriceModelInfo(
            TrainedAt: (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime,
            Sales: index.Count,
            FittedSales: fittedSales,
            CalibrationSales: residuals.Count,
            ScreenedSales: fit.Count(f => !f),
            FirstSale: dates.Min(),
            LastSale: dates.Max(),
            Algorithm: $"LightGBM regression on log price, mean of {options.Members} seeds ({options.Iterations} trees, {options.Leaves} leaves, seed {options.Seed}); {options.Calibration.ToString().ToLowerInvariant()} conformal; {fit.Count(f => !f):N0} likely non-market sales not fitted, {rows.Count(r => r.Weight is > 0 and < 1):N0} down-weighted"
                + (extras.Width > 0 ? $"; export columns as features: {string.Join(", ", extras.Names().Select(n => n.Label).Distinct(StringComparer.Ordinal))}" : ""))
        {
            Warnings = LocationWarnings(index.Sales),
        };
        return new PriceModel(members, index, conformal, outOfFold, fit.Select(f => !f).ToArray(), info, extras);
    }

    /// <summary>
    /// Says when the sales carry no location (no coordinates, ZIP or neighbourhood): such a model values a home from its
    /// facts alone, as if it stood anywhere in the market, and its errors show it.
    /// </summary>
    public static IReadOnlyList<string> LocationWarnings(IReadOnlyList<HomeSale> sales)
    {
        ArgumentNullException.ThrowIfNull(sales);
        var located = sales.Count(s => s.Home.HasAnyLocation);
        if (located == 0)
        {
            return ["No location is mapped (latitude/longitude, zip or neighborhood): values ignore where homes are. Map a location column for location-aware values and comparables."];
        }

        return located < sales.Count / 2
            ? [$"Only {located:N0} of {sales.Count:N0} sales have a location (latitude/longitude, zip or neighborhood)."]
            : [];
    }

    /// <summary>How many progress messages <see cref="Train"/> reports with these options (for progress bars).</summary>
    public static int ProgressSteps(PriceModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folds = NeighborhoodIndex.Folds;
        var calibration = options.Calibration switch
        {
            ConformalMode.Split => 1,
            ConformalMode.Recent => 2,
            _ => folds + 1,
        };
        var outOfFold = options.OutOfFold && options.Calibration != ConformalMode.CrossFit && options.ScreenMultiple <= 0 ? folds : 0;
        return 1 + (options.ScreenMultiple > 0 ? folds : 0) + calibration + outOfFold;
    }

    /// <summary>The first sale date of the most recent <paramref name="share"/> of sales.</summary>
    internal static DateOnly RecentCutoff(NeighborhoodIndex index, double share)
    {
        var dates = index.Sales.Select(s => s.SaleDate).Order().ToArray();
        return dates[Math.Clamp((int)(dates.Length * (1 - share)), 1, dates.Length - 1)];
    }

    private static IEnumerable<PriceRow> Select(PriceRow[] rows, Func<int, bool> keep) => rows.Where((_, i) => keep(i));

    private static void AddResiduals(TreeEnsemble[] members, PriceRow[] rows, Func<int, bool> calibrate, List<double> residuals)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            if (calibrate(i))
            {
                residuals.Add(Math.Abs(rows[i].Label - PriceModel.Score(members, rows[i].Features)));
            }
        }
    }

    /// <summary>
    /// Which sales the trees are fitted on: all of them, less those whose out-of-fold error (from a first cross-fit on
    /// every sale) is more than <see cref="PriceModelOptions.ScreenMultiple"/> times the median out-of-fold error. Also
    /// sets each row's fitting weight (<see cref="FitWeight"/>).
    /// </summary>
    internal static bool[] Screen(MLContext ml, NeighborhoodIndex index, PriceRow[] rows, PriceModelOptions options, IProgress<string>? progress, double[] firstPass)
    {
        var fit = new bool[rows.Length];
        Array.Fill(fit, true);
        if (options.ScreenMultiple <= 0)
        {
            return fit;
        }

        var quick = options with { Members = 1, Iterations = options.ScreenIterations, LearningRate = options.ScreenLearningRate };
        FillOutOfFold(ml, index, rows, fit, quick, firstPass, progress, "Screening for non-market sales");
        var errors = rows.Select((r, i) => Math.Abs(r.Label - firstPass[i])).ToArray();
        var median = Stats.Median(errors);
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i].Weight = FitWeight(errors[i], median, options);
            fit[i] = rows[i].Weight > 0;
        }

        return fit;
    }

    /// <summary>
    /// A sale's fitting weight from its first-pass error: 1 up to <see cref="PriceModelOptions.DownweightMultiple"/> ×
    /// the median error, then (knee / error)², and 0 (screened) beyond <see cref="PriceModelOptions.ScreenMultiple"/> × it.
    /// </summary>
    internal static float FitWeight(double error, double medianError, PriceModelOptions options)
    {
        if (error > options.ScreenMultiple * medianError)
        {
            return 0;
        }

        var knee = options.DownweightMultiple * medianError;
        return options.DownweightMultiple > 0 && error > knee ? (float)Math.Pow(knee / error, 2) : 1;
    }

    /// <summary>Scores every sale with trees fitted on the other folds' sales (only those marked in <paramref name="fit"/>).</summary>
    private static void FillOutOfFold(MLContext ml, NeighborhoodIndex index, PriceRow[] rows, bool[] fit, PriceModelOptions options, double[] outOfFold,
        IProgress<string>? progress, string step = "Out-of-fold values")
    {
        for (var f = 0; f < NeighborhoodIndex.Folds; f++)
        {
            progress?.Report($"{step}: fold {f + 1} of {NeighborhoodIndex.Folds}");
            var fold = f;
            var foldMembers = FitMembers(ml, Select(rows, i => index.FoldOf(i) != fold && fit[i]), options);
            for (var i = 0; i < index.Count; i++)
            {
                if (index.FoldOf(i) == fold)
                {
                    outOfFold[i] = PriceModel.Score(foldMembers, rows[i].Features);
                }
            }
        }
    }

    private static TreeEnsemble[] FitMembers(MLContext ml, IEnumerable<PriceRow> rows, PriceModelOptions options)
    {
        var fitted = rows.ToArray();
        var width = fitted.Length > 0 ? fitted[0].Features.Length : PricingFeatures.Count;
        // The vector's width is the export's (fixed features plus its own columns), not the attribute's default.
        var schema = SchemaDefinition.Create(typeof(PriceRow));
        schema[nameof(PriceRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        var data = ml.Data.LoadFromEnumerable(fitted, schema);
        var members = new TreeEnsemble[Math.Max(1, options.Members)];
        for (var m = 0; m < members.Length; m++)
        {
            var trainer = ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                LabelColumnName = nameof(PriceRow.Label),
                FeatureColumnName = nameof(PriceRow.Features),
                ExampleWeightColumnName = nameof(PriceRow.Weight),
                NumberOfIterations = options.Iterations,
                LearningRate = options.LearningRate,
                NumberOfLeaves = options.Leaves,
                MinimumExampleCountPerLeaf = options.MinimumLeafCount,
                UseCategoricalSplit = false,
                Seed = options.Seed + m,
                NumberOfThreads = options.Threads,
                Silent = true,
                Booster = new GradientBooster.Options
                {
                    FeatureFraction = options.FeatureFraction,
                    SubsampleFraction = options.SubsampleFraction,
                    SubsampleFrequency = 1,
                    L2Regularization = options.L2,
                    MaximumTreeDepth = options.MaxDepth,
                },
            });
            var model = LightGbmGate.Fit(() => trainer.Fit(data));
            members[m] = TreeEnsemble.FromMlNet(model.Model.TrainedTreeEnsemble, width, fitted.Select(r => r.Features));
        }

        return members;
    }
}

/// <summary>Conformal half-widths on the log-price scale and how many calibration sales they came from.</summary>
public sealed record ConformalWidths(double HalfWidth80, double HalfWidth95, int CalibrationSales);

/// <summary>What a price model was trained on.</summary>
public sealed record PriceModelInfo(
    DateTime TrainedAt,
    int Sales,
    int FittedSales,
    int CalibrationSales,
    int ScreenedSales,
    DateOnly FirstSale,
    DateOnly LastSale,
    string Algorithm)
{
    /// <summary>What the trainer should tell the user about the data (e.g. no location mapped).</summary>
    public IReadOnlyList<string>? Warnings { get; init; }
}
