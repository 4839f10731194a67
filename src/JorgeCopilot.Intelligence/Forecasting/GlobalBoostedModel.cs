using JorgeCopilot.Intelligence.Explain;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// One LightGBM regression trained across every series at once (a "global" model, as in the M5 winners): each row is
/// (series, forecast origin, horizon) → log change from the same month a year before the target, so it forecasts all
/// 12 horizons directly instead of feeding its own forecasts back. Scoring walks the extracted trees (managed, thread-safe).
/// </summary>
internal sealed class GlobalBoostedModel
{
    private readonly TreeEnsemble[] _trees;
    private readonly double[]? _common;
    private readonly int _width;

    private GlobalBoostedModel(TreeEnsemble[] trees, double[]? common, int width) => (_trees, _common, _width) = (trees, common, width);

    public const string Name = "lightgbm-global";

    /// <summary>Trains on every (origin, horizon) whose target month is before <paramref name="cutoff"/>; null if there are too few rows.</summary>
    public static GlobalBoostedModel? Fit(IReadOnlyList<ForecastSeries> series, int cutoff, int horizon, ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        var common = options.CommonFactor ? LagFeatures.CommonFactor(series) : null;
        var width = LagFeatures.Count + (common is null ? 0 : LagFeatures.CommonCount);
        var rows = new List<Row>();
        foreach (var s in series)
        {
            var x = LogScale.For(s.Values.AsSpan(0, cutoff)).To(s.Values.AsSpan(0, cutoff));
            for (var h = 1; h <= horizon; h++)
            {
                for (var c = LagFeatures.MinimumHistory; c + h - 1 < cutoff; c++)
                {
                    var row = new Row { Features = new float[width] };
                    LagFeatures.Fill(x, c, h, s, row.Features);
                    if (common is not null)
                    {
                        LagFeatures.FillCommon(common, c, row.Features);
                    }

                    row.Label = (float)(x[c - 1 + h] - x[LagFeatures.Anchor(c, h)]);
                    rows.Add(row);
                }
            }
        }

        if (rows.Count < 200)
        {
            return null;
        }

        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        var trees = new TreeEnsemble[Math.Max(1, options.GlobalSeeds)];
        for (var k = 0; k < trees.Length; k++)
        {
            var ml = new MLContext(options.Seed + k);
            var data = ml.Data.LoadFromEnumerable(rows, schema);
            var trainer = ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                LabelColumnName = nameof(Row.Label),
                FeatureColumnName = nameof(Row.Features),
                NumberOfIterations = options.BoostingIterations,
                LearningRate = 0.03,
                NumberOfLeaves = 15,
                MinimumExampleCountPerLeaf = Math.Max(20, rows.Count / 300),
                UseCategoricalSplit = false,
                Seed = options.Seed + k,
                NumberOfThreads = 1,
                Silent = true,
                Booster = new GradientBooster.Options
                {
                    FeatureFraction = 0.8,
                    SubsampleFraction = 0.8,
                    SubsampleFrequency = 1,
                    L2Regularization = 1,
                },
            });
            var model = LightGbmGate.Fit(() => trainer.Fit(data));
            trees[k] = TreeEnsemble.FromMlNet(model.Model.TrainedTreeEnsemble, width, rows.Take(2000).Select(r => r.Features));
        }

        return new GlobalBoostedModel(trees, common, width);
    }

    public double[] Forecast(ForecastSeries series, int cutoff, int horizon)
    {
        ArgumentNullException.ThrowIfNull(series);
        var scale = LogScale.For(series.Values.AsSpan(0, cutoff));
        var x = scale.To(series.Values.AsSpan(0, cutoff));
        Span<float> features = stackalloc float[_width];
        var result = new double[horizon];
        for (var h = 1; h <= horizon; h++)
        {
            LagFeatures.Fill(x, cutoff, h, series, features);
            if (_common is not null)
            {
                LagFeatures.FillCommon(_common, cutoff, features);
            }

            var score = 0.0;
            foreach (var trees in _trees)
            {
                score += trees.Score(features);
            }

            result[h - 1] = scale.From(x[LagFeatures.Anchor(cutoff, h)] + score / _trees.Length);
        }

        return result;
    }

    private sealed class Row
    {
        [VectorType(LagFeatures.Count)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}
