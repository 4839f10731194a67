using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// Fits the price model: LightGBM on log(price) with out-of-fold location aggregates, split-conformal intervals from
/// parcels held out of fitting, and optionally out-of-fold values for every training sale.
/// </summary>
public static class PriceModelBuilder
{
    public static PriceModel Train(IReadOnlyList<HomeSale> sales, PriceModelOptions? options = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sales);
        options ??= new PriceModelOptions();
        var index = new NeighborhoodIndex(sales);
        if (index.Count < 50)
        {
            throw new InvalidOperationException($"The price model needs at least 50 sales with a price and living area; got {index.Count}.");
        }

        progress?.Report($"Building features for {index.Count:N0} sales");
        var rows = new PriceRow[index.Count];
        Parallel.For(0, index.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, i =>
        {
            var sale = index.Sales[i];
            var near = index.Describe(sale.Home, sale.ParcelId, index.FoldOf(i));
            var hedonic = index.Hedonic.Predict(sale.Home, sale.SaleDate);
            rows[i] = new PriceRow
            {
                Features = PricingFeatures.Build(sale.Home, sale.SaleDate, near, hedonic),
                Label = (float)Math.Log(sale.Price),
            };
        });

        var calibration = new bool[index.Count];
        for (var i = 0; i < index.Count; i++)
        {
            calibration[i] = ParcelHash.Uniform(index.Sales[i].ParcelId, (ulong)options.Seed + 2) < options.CalibrationShare;
        }

        var ml = new MLContext(options.Seed);
        progress?.Report("Fitting LightGBM on log price");
        var fitted = Fit(ml, rows.Where((_, i) => !calibration[i]), options);

        var engine = ml.Model.CreatePredictionEngine<PriceRow, PricePrediction>(fitted);
        var residuals = new List<double>();
        for (var i = 0; i < index.Count; i++)
        {
            if (calibration[i])
            {
                residuals.Add(Math.Abs(rows[i].Label - engine.Predict(rows[i]).Score));
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

        var outOfFold = new double[index.Count];
        Array.Fill(outOfFold, double.NaN);
        if (options.OutOfFold)
        {
            for (var f = 0; f < NeighborhoodIndex.Folds; f++)
            {
                progress?.Report($"Out-of-fold values: fold {f + 1} of {NeighborhoodIndex.Folds}");
                var fold = f;
                var foldModel = Fit(ml, rows.Where((_, i) => index.FoldOf(i) != fold), options);
                var foldEngine = ml.Model.CreatePredictionEngine<PriceRow, PricePrediction>(foldModel);
                for (var i = 0; i < index.Count; i++)
                {
                    if (index.FoldOf(i) == fold)
                    {
                        outOfFold[i] = foldEngine.Predict(rows[i]).Score;
                    }
                }
            }
        }

        var dates = index.Sales.Select(s => s.SaleDate).ToArray();
        var info = new PriceModelInfo(
            TrainedAt: DateTime.UtcNow,
            Sales: index.Count,
            FittedSales: calibration.Count(c => !c),
            CalibrationSales: residuals.Count,
            FirstSale: dates.Min(),
            LastSale: dates.Max(),
            Algorithm: $"LightGBM regression on log price ({options.Iterations} trees, {options.Leaves} leaves, seed {options.Seed})");
        return new PriceModel(ml, fitted, index, conformal, outOfFold, info);
    }

    private static RegressionPredictionTransformer<LightGbmRegressionModelParameters> Fit(MLContext ml, IEnumerable<PriceRow> rows, PriceModelOptions options)
    {
        var data = ml.Data.LoadFromEnumerable(rows);
        var trainer = ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            LabelColumnName = nameof(PriceRow.Label),
            FeatureColumnName = nameof(PriceRow.Features),
            NumberOfIterations = options.Iterations,
            LearningRate = options.LearningRate,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumLeafCount,
            Seed = options.Seed,
            NumberOfThreads = options.Threads,
            Silent = true,
            Booster = new GradientBooster.Options
            {
                FeatureFraction = options.FeatureFraction,
                SubsampleFraction = options.SubsampleFraction,
                SubsampleFrequency = 1,
                L2Regularization = 1,
            },
        });
        return trainer.Fit(data);
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
    DateOnly FirstSale,
    DateOnly LastSale,
    string Algorithm);
