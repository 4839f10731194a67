using System.Collections.Immutable;
using JorgeCopilot.Intelligence.Explain;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>The ML.NET side of lead scoring: fitting the candidate learners on feature vectors and reading their raw scores.</summary>
internal static class MlNetBinary
{
    public static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    public static IDataView View(MLContext ml, IEnumerable<FeatureRow> rows, int featureCount) =>
        ml.Data.LoadFromEnumerable(rows, Schema(featureCount));

    public static FittedLearner Fit(MLContext ml, LeadAlgorithm algorithm, float[][] x, bool[] y, IReadOnlyList<int> rows, LeadModelOptions options, int seed)
    {
        var featureCount = x[0].Length;
        // Materialised and cached: the learners make many passes and a lazy enumerable view is slow to re-read.
        var data = ml.Data.Cache(View(ml, rows.Select(i => new FeatureRow { Features = x[i], Label = y[i] }).ToList(), featureCount));
        switch (algorithm)
        {
            case LeadAlgorithm.LightGbm:
            {
                var trainer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
                {
                    NumberOfIterations = options.Trees,
                    LearningRate = options.LearningRate,
                    NumberOfLeaves = options.Leaves,
                    MinimumExampleCountPerLeaf = options.MinLeafCount,
                    UseCategoricalSplit = false,
                    Seed = seed,
                    NumberOfThreads = 1,
                    Silent = true,
                    Booster = new GradientBooster.Options
                    {
                        L2Regularization = 1, FeatureFraction = 0.8, SubsampleFraction = 0.8, SubsampleFrequency = 1, MaximumTreeDepth = options.MaxDepth,
                    },
                });
                var model = LightGbmGate.Fit(() => trainer.Fit(data));
                return new FittedLearner(model, model.Model.SubModel.TrainedTreeEnsemble, null);
            }
            case LeadAlgorithm.FastTree:
            {
                var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
                {
                    NumberOfTrees = options.Trees,
                    LearningRate = options.LearningRate * 2, // FastTree's shrinkage differs; tuned on CV
                    NumberOfLeaves = options.Leaves,
                    MinimumExampleCountPerLeaf = options.MinLeafCount,
                    FeatureFraction = 0.8,
                    Seed = seed,
                    NumberOfThreads = 1,
                });
                var model = trainer.Fit(data);
                return new FittedLearner(model, model.Model.SubModel.TrainedTreeEnsemble, null);
            }
            default:
            {
                var pipeline = ml.Transforms.NormalizeMeanVariance(nameof(FeatureRow.Features))
                    .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
                    {
                        L1Regularization = 0.01f,
                        L2Regularization = 1f,
                        OptimizationTolerance = 1e-5f,
                        MaximumNumberOfIterations = 200,
                        NumberOfThreads = 1,
                    }));
                var model = pipeline.Fit(data);
                var linear = model.LastTransformer.Model.SubModel;
                var normalizer = model.First() as NormalizingTransformer
                    ?? throw new InvalidOperationException("Logistic pipeline lost its normaliser.");
                var affine = normalizer.GetNormalizerModelParameters(0) as NormalizingTransformer.AffineNormalizerModelParameters<ImmutableArray<float>>
                    ?? throw new InvalidOperationException("Unexpected normaliser parameters.");
                // Fold the affine normalisation (x - offset) * scale into the weights so the model is linear in the raw features.
                var weights = new double[featureCount];
                double intercept = linear.Bias;
                for (var i = 0; i < featureCount; i++)
                {
                    var scale = affine.Scale.Length == 1 ? affine.Scale[0] : affine.Scale[i];
                    var offset = affine.Offset.IsDefaultOrEmpty ? 0f : affine.Offset.Length == 1 ? affine.Offset[0] : affine.Offset[i];
                    weights[i] = linear.Weights[i] * scale;
                    intercept -= weights[i] * offset;
                }

                return new FittedLearner(model, null, new LinearScorer(weights, intercept));
            }
        }
    }
}

/// <summary>One fitted learner: the ML.NET model (for serving) and the same function in plain form (for explaining and ensembles).</summary>
internal sealed record FittedLearner(ITransformer Model, TreeEnsemble<RegressionTree>? Trees, LinearScorer? Linear);

/// <summary>A linear raw score w·x + b.</summary>
public sealed record LinearScorer(double[] Weights, double Intercept)
{
    public double Score(ReadOnlySpan<float> x)
    {
        var s = Intercept;
        for (var i = 0; i < Weights.Length; i++)
        {
            s += Weights[i] * x[i];
        }

        return s;
    }
}

/// <summary>The model's input row: a feature vector (size fixed per model through the schema definition) and the label.</summary>
public sealed class FeatureRow
{
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }
}

/// <summary>The model's raw output.</summary>
public sealed class ScoreRow
{
    public float Score { get; set; }
}
