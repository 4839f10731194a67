using JorgeCopilot.Intelligence.Explain;
using JorgeCopilot.Intelligence.LeadScoring;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Calibrators;
using PlattCalibrator = Microsoft.ML.Calibrators.PlattCalibrator;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace JorgeCopilot.UnitTests.LeadScoring;

public sealed class TreeShapTests
{
    [Fact]
    public void Contributions_sum_to_the_models_raw_score()
    {
        var model = SyntheticLeads.Model;
        foreach (var example in SyntheticLeads.Generate(60, seed: 99))
        {
            var x = model.Features.Transform(example.Lead);
            var attribution = model.Explainer.Explain(x);
            attribution.Total.ShouldBe(model.RawScore(x), tolerance: 1e-4);
        }
    }

    [Theory]
    [InlineData(TreeShapExplainer.DefaultTableBudget)] // per-leaf path data, closed form per leaf
    [InlineData(0)] // no per-leaf data: Algorithm 2's recursion per row
    public void Matches_brute_force_shapley_values_on_a_small_ensemble(int tableBudget)
    {
        // Two hand-made trees over three features; cover as given. Brute force: Shapley over all subsets with the
        // path-dependent conditional expectation TreeSHAP defines (follow x on features in S, else weight by cover).
        var trees = new[]
        {
            // node0: x0<=0.5 ? node1 : leaf2; node1: x1<=0.3 ? leaf0 : leaf1
            (Left: new[] { 1, ~0 }, Right: new[] { ~2, ~1 }, Feature: new[] { 0, 1 }, Threshold: new[] { 0.5f, 0.3f }, Leaf: new[] { 1.0, -2.0, 3.0 }, Cover: new[] { 10.0, 20, 30 }),
            // node0: x2<=0 ? leaf0 : node1; node1: x0<=0.8 ? leaf1 : leaf2
            (Left: new[] { ~0, ~1 }, Right: new[] { 1, ~2 }, Feature: new[] { 2, 0 }, Threshold: new[] { 0.0f, 0.8f }, Leaf: new[] { 0.7, -1.0, 2.0 }, Cover: new[] { 25.0, 5, 30 }),
        };
        var ensemble = TreeEnsemble.FromData(new TreeEnsembleData(0.5, 3,
            trees.Select(t => new TreeData(t.Left, t.Right, t.Feature, t.Threshold, t.Leaf, t.Cover)).ToArray()));
        var explainer = new TreeShapExplainer(ensemble, tableBudget);
        explainer.TabulatedTreeShare.ShouldBe(tableBudget > 0 ? 1 : 0);

        foreach (var x in new[] { new[] { 0.2f, 0.1f, 1f }, new[] { 0.9f, 0.5f, -1f }, new[] { 0.6f, 0.2f, 0.5f } })
        {
            var phi = explainer.Explain(x).Contributions;
            for (var i = 0; i < 3; i++)
            {
                phi[i].ShouldBe(BruteForceShapley(trees, x, i), tolerance: 1e-9);
            }

            (explainer.ExpectedValue + phi.Sum()).ShouldBe(ensemble.Score(x), tolerance: 1e-9);
        }
    }

    [Fact]
    public void Matches_brute_force_shapley_values_on_deep_trees_that_split_on_a_feature_more_than_once()
    {
        // Full depth-5 trees over five features: paths with up to five distinct features, several split twice or more,
        // which is where the per-leaf closed form (followed features, products of cover fractions) could go wrong.
        var random = new Random(7);
        var trees = Enumerable.Range(0, 3).Select(_ => FullTree(random, depth: 5, features: 5)).ToArray();
        var ensemble = TreeEnsemble.FromData(new TreeEnsembleData(0.1, 5,
            trees.Select(t => new TreeData(t.Left, t.Right, t.Feature, t.Threshold, t.Leaf, t.Cover)).ToArray()));
        var closedForm = new TreeShapExplainer(ensemble);
        var recursive = new TreeShapExplainer(ensemble, tableBudget: 0);
        closedForm.TabulatedTreeShare.ShouldBe(1);

        for (var row = 0; row < 8; row++)
        {
            var x = Enumerable.Range(0, 5).Select(_ => (float)random.NextDouble()).ToArray();
            var phi = closedForm.Explain(x).Contributions;
            var reference = recursive.Explain(x).Contributions;
            for (var i = 0; i < 5; i++)
            {
                var expected = BruteForceShapley(trees, x, i);
                phi[i].ShouldBe(expected, tolerance: 1e-9);
                reference[i].ShouldBe(expected, tolerance: 1e-9);
            }

            (closedForm.ExpectedValue + phi.Sum()).ShouldBe(ensemble.Score(x), tolerance: 1e-9);
        }
    }

    private static (int[] Left, int[] Right, int[] Feature, float[] Threshold, double[] Leaf, double[] Cover) FullTree(Random random, int depth, int features)
    {
        var internalNodes = (1 << depth) - 1;
        int Child(int c) => c < internalNodes ? c : ~(c - internalNodes);
        var left = Enumerable.Range(0, internalNodes).Select(i => Child(2 * i + 1)).ToArray();
        var right = Enumerable.Range(0, internalNodes).Select(i => Child(2 * i + 2)).ToArray();
        var feature = Enumerable.Range(0, internalNodes).Select(_ => random.Next(features)).ToArray();
        var threshold = Enumerable.Range(0, internalNodes).Select(_ => (float)random.NextDouble()).ToArray();
        var leaf = Enumerable.Range(0, internalNodes + 1).Select(_ => random.NextDouble() * 4 - 2).ToArray();
        var cover = Enumerable.Range(0, internalNodes + 1).Select(_ => 1.0 + random.Next(50)).ToArray();
        return (left, right, feature, threshold, leaf, cover);
    }

    [Fact]
    public void Tables_and_recursion_give_the_same_contributions_on_a_trained_model()
    {
        var model = SyntheticLeads.Model;
        var ensemble = TreeEnsemble.FromData(model.Artifact.Scorer.Trees!);
        var tabulated = new TreeShapExplainer(ensemble);
        var recursive = new TreeShapExplainer(ensemble, tableBudget: 0);
        // A budget that fits only some trees (half of what all of them hold) mixes both routes in one explanation.
        var mixed = new TreeShapExplainer(ensemble, tableBudget: (int)(tabulated.TableValues / 2));
        tabulated.TabulatedTreeShare.ShouldBeGreaterThan(0.9);
        mixed.TabulatedTreeShare.ShouldBeInRange(0.01, 0.99);
        foreach (var example in SyntheticLeads.Generate(30, seed: 42))
        {
            var x = model.Features.Transform(example.Lead);
            var expected = recursive.Explain(x).Contributions;
            tabulated.Explain(x).Contributions.ShouldBe(expected, tolerance: 1e-9);
            mixed.Explain(x).Contributions.ShouldBe(expected, tolerance: 1e-9);
        }
    }

    [Theory]
    [InlineData(LeadAlgorithm.LightGbm)]
    [InlineData(LeadAlgorithm.FastTree)]
    public void Agrees_in_sign_with_ml_net_feature_contributions_on_the_top_features(LeadAlgorithm algorithm)
    {
        var examples = SyntheticLeads.Generate(1200, seed: 3);
        var builder = LeadFeatureBuilder.Fit(examples.Select(e => e.Lead).ToList());
        var x = examples.Select(e => builder.Transform(e.Lead)).ToArray();
        var y = examples.Select(e => e.Converted).ToArray();
        var ml = new MLContext(1);
        var options = SyntheticLeads.SmallOptions;
        var rows = Enumerable.Range(0, x.Length).ToArray();
        var learner = MlNetBinary.Fit(ml, algorithm, x, y, rows, options, seed: 1);
        var ensemble = TreeEnsemble.FromMlNet(learner.Trees!, builder.FeatureCount, x);
        var explainer = new TreeShapExplainer(ensemble);

        var probe = x.Take(150).ToArray();
        var view = MlNetBinary.View(ml, probe.Select(r => new FeatureRow { Features = r }).ToList(), builder.FeatureCount);
        var contributions = learner.Model switch
        {
            BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> lgbm => Contributions(ml, lgbm, view, builder.FeatureCount),
            BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> fastTree => Contributions(ml, fastTree, view, builder.FeatureCount),
            _ => throw new InvalidOperationException("unexpected model type"),
        };

        int agree = 0, compared = 0;
        for (var r = 0; r < probe.Length; r++)
        {
            var phi = explainer.Explain(probe[r]).Contributions;
            foreach (var j in Enumerable.Range(0, phi.Length).OrderByDescending(j => Math.Abs(phi[j])).Take(2))
            {
                if (Math.Abs(phi[j]) < 0.05 || Math.Abs(contributions[r][j]) < 1e-6)
                {
                    continue; // a near-zero effect has no meaningful sign
                }

                compared++;
                agree += Math.Sign(phi[j]) == Math.Sign(contributions[r][j]) ? 1 : 0;
            }
        }

        compared.ShouldBeGreaterThan(100);
        (agree / (double)compared).ShouldBeGreaterThanOrEqualTo(0.9);
    }

    private static float[][] Contributions<TModel>(MLContext ml, BinaryPredictionTransformer<CalibratedModelParametersBase<TModel, PlattCalibrator>> predictor,
        IDataView view, int featureCount) where TModel : class, ICalculateFeatureContribution
    {
        var fcc = ml.Transforms.CalculateFeatureContribution(predictor, numberOfPositiveContributions: featureCount,
            numberOfNegativeContributions: featureCount, normalize: false);
        var scored = predictor.Transform(view);
        return fcc.Fit(scored).Transform(scored).GetColumn<VBuffer<float>>("FeatureContributions").Select(v => v.DenseValues().ToArray()).ToArray();
    }

    private static double BruteForceShapley(
        (int[] Left, int[] Right, int[] Feature, float[] Threshold, double[] Leaf, double[] Cover)[] trees, float[] x, int feature)
    {
        var n = x.Length;
        var others = Enumerable.Range(0, n).Where(j => j != feature).ToArray();
        double phi = 0;
        for (var mask = 0; mask < 1 << others.Length; mask++)
        {
            var subset = others.Where((_, k) => (mask & (1 << k)) != 0).ToHashSet();
            var size = subset.Count;
            var weight = Factorial(size) * Factorial(n - size - 1) / Factorial(n);
            var with = new HashSet<int>(subset) { feature };
            phi += weight * (trees.Sum(t => Expect(t, x, with, 0)) - trees.Sum(t => Expect(t, x, subset, 0)));
        }

        return phi;
    }

    private static double Expect((int[] Left, int[] Right, int[] Feature, float[] Threshold, double[] Leaf, double[] Cover) t, float[] x, HashSet<int> known, int node)
    {
        if (node < 0)
        {
            return t.Leaf[~node];
        }

        if (known.Contains(t.Feature[node]))
        {
            return Expect(t, x, known, x[t.Feature[node]] <= t.Threshold[node] ? t.Left[node] : t.Right[node]);
        }

        var left = CoverOf(t, t.Left[node]);
        var right = CoverOf(t, t.Right[node]);
        return (left * Expect(t, x, known, t.Left[node]) + right * Expect(t, x, known, t.Right[node])) / (left + right);
    }

    private static double CoverOf((int[] Left, int[] Right, int[] Feature, float[] Threshold, double[] Leaf, double[] Cover) t, int node) =>
        node < 0 ? t.Cover[~node] : CoverOf(t, t.Left[node]) + CoverOf(t, t.Right[node]);

    private static double Factorial(int k) => k <= 1 ? 1 : k * Factorial(k - 1);
}
