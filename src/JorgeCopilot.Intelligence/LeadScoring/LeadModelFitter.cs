using JorgeCopilot.Intelligence.Explain;
using JorgeCopilot.Intelligence.Monitoring;
using JorgeCopilot.Intelligence.Statistics;
using Microsoft.ML;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>
/// Trains one lead-scoring model from labelled leads:
/// 1. features learnt from the training leads only;
/// 2. each candidate (LightGBM, FastTree, regularised logistic) scored by stratified k-fold CV AUC; the best wins;
/// 3. Platt calibration fitted on the winner's out-of-fold scores (rows each fold model never saw);
/// 4. the winner refitted on all training rows; TreeSHAP reads its trees;
/// 5. a split-conformal interval fitted on the calibrated out-of-fold probabilities (see <see cref="ConformalProbabilityInterval"/>);
/// 6. hot/warm/cold thresholds at the 90th/70th percentiles of the out-of-fold probabilities.
/// </summary>
public static class LeadModelFitter
{
    public static LeadScoringModel Fit(IReadOnlyList<LeadExample> training, LeadModelOptions options,
        IReadOnlyDictionary<string, LeadColumnKind>? declaredKinds = null, IEnumerable<string>? missingValues = null,
        IProgress<string>? progress = null, string? dataset = null, IReadOnlyDictionary<string, string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        var positives = training.Count(e => e.Converted);
        if (positives < options.Folds || training.Count - positives < options.Folds)
        {
            throw new InvalidOperationException(
                $"Not enough outcomes to train: {positives} converted and {training.Count - positives} not (need at least {options.Folds} of each).");
        }

        var builder = LeadFeatureBuilder.Fit(training.Select(e => e.Lead).ToList(), declaredKinds, missingValues);
        if (builder.FeatureCount == 0)
        {
            throw new InvalidOperationException("The leads carry no usable features (every column is empty or constant).");
        }

        var x = training.Select(e => builder.Transform(e.Lead)).ToArray();
        var y = training.Select(e => e.Converted).ToArray();
        var ml = new MLContext(options.Seed);
        var folds = StratifiedFolds(y, options.Folds, options.Seed);

        var cv = new Dictionary<LeadAlgorithm, double>();
        double[]? bestOof = null;
        var best = options.Candidates[0];
        foreach (var algorithm in options.Candidates)
        {
            progress?.Report($"cross-validating {algorithm}");
            var oof = new double[y.Length];
            var aucs = new List<double>();
            for (var f = 0; f < options.Folds; f++)
            {
                var trainRows = Enumerable.Range(0, y.Length).Where(i => folds[i] != f).ToArray();
                var testRows = Enumerable.Range(0, y.Length).Where(i => folds[i] == f).ToArray();
                var learner = MlNetBinary.Fit(ml, algorithm, x, y, trainRows, options, options.Seed + f);
                var scorer = RawScorer.From(learner, x, trainRows);
                foreach (var i in testRows)
                {
                    oof[i] = scorer.Score(x[i]);
                }

                aucs.Add(BinaryMetrics.Auc(testRows.Select(i => oof[i]).ToArray(), testRows.Select(i => y[i]).ToArray()));
            }

            cv[algorithm] = aucs.Average();
            if (bestOof is null || cv[algorithm] > cv[best])
            {
                best = algorithm;
                bestOof = oof;
            }
        }

        var calibrator = PlattCalibrator.Fit(bestOof!, y);
        var oofProbabilities = bestOof!.Select(calibrator.Probability).Order().ToArray();
        var bands = new TemperatureBands(Stats.Quantile(oofProbabilities, 0.9), Stats.Quantile(oofProbabilities, 0.7));

        progress?.Report($"fitting {best} on {y.Length} leads");
        var all = Enumerable.Range(0, y.Length).ToArray();
        var final = MlNetBinary.Fit(ml, best, x, y, all, options, options.Seed);
        var finalScorer = RawScorer.From(final, x, all);

        var interval = ConformalProbabilityInterval.Fit(bestOof!.Select(calibrator.Probability).ToArray(), y, options.IntervalLevel);
        if (options.TimeOrdered && RecentDrift(training, x, y, ml, best, calibrator, options, progress) is { } recent)
        {
            interval = interval.WidenedBy(recent);
        }

        var drift = Enumerable.Range(0, builder.FeatureCount)
            .Select(j => PopulationStability.Fit(builder.Schema.Features[j].Name, x.Select(r => r[j]).ToArray()))
            .ToList();

        var modelBytes = LeadScoringModel.SaveMlNet(ml, final.Model, builder.FeatureCount);
        var artifact = new LeadModelArtifact
        {
            Algorithm = best.ToString(),
            CrossValidatedAuc = cv.ToDictionary(p => p.Key.ToString(), p => p.Value),
            Schema = builder.Schema,
            Calibrator = calibrator,
            Bands = bands,
            Scorer = finalScorer.ToData(),
            Interval = interval,
            BaseRate = y.Count(v => v) / (double)y.Length,
            TrainingRows = y.Length,
            TrainedThrough = training.Select(e => e.Lead.CreatedAt).Max(),
            Drift = drift,
            Dataset = dataset,
            Labels = labels is null ? null : new Dictionary<string, string>(labels, StringComparer.Ordinal),
            FeatureMeans = Enumerable.Range(0, builder.FeatureCount).Select(j => x.Average(r => (double)r[j])).ToArray(),
        };
        return LeadScoringModel.Create(artifact, modelBytes);
    }

    /// <summary>
    /// The interval a model of the earlier training rows earns on the latest ones: out-of-fold rows are exchangeable with
    /// the training rows, the future is not, so on drifting data this is what the served model's interval must cover.
    /// Null when the latest rows are too few for bins or hold a single class.
    /// </summary>
    private static ConformalProbabilityInterval? RecentDrift(IReadOnlyList<LeadExample> training, float[][] x, bool[] y, MLContext ml,
        LeadAlgorithm algorithm, PlattCalibrator calibrator, LeadModelOptions options, IProgress<string>? progress)
    {
        var ordered = Enumerable.Range(0, y.Length).OrderBy(i => training[i].Order).ToArray();
        var cut = (int)Math.Round(ordered.Length * (1 - options.RecentFraction));
        var (early, recent) = (ordered[..cut], ordered[cut..]);
        if (recent.Length < 2 * ConformalProbabilityInterval.DefaultBinSize
            || early.Count(i => y[i]) < 2 || early.Count(i => !y[i]) < 2)
        {
            return null;
        }

        progress?.Report($"measuring drift on the latest {recent.Length} leads");
        var learner = MlNetBinary.Fit(ml, algorithm, x, y, early, options, options.Seed);
        var scorer = RawScorer.From(learner, x, early);
        var p = recent.Select(i => calibrator.Probability(scorer.Score(x[i]))).ToArray();
        return ConformalProbabilityInterval.Fit(p, recent.Select(i => y[i]).ToArray(), options.IntervalLevel);
    }

    /// <summary>Fold per row, stratified by label, shuffled with a fixed seed.</summary>
    public static int[] StratifiedFolds(IReadOnlyList<bool> labels, int folds, int seed)
    {
        var random = new Random(seed);
        var result = new int[labels.Count];
        foreach (var cls in new[] { true, false })
        {
            var rows = Enumerable.Range(0, labels.Count).Where(i => labels[i] == cls).ToArray();
            random.Shuffle(rows);
            for (var k = 0; k < rows.Length; k++)
            {
                result[rows[k]] = k % folds;
            }
        }

        return result;
    }
}

/// <summary>Raw score of a fitted learner in plain form: a tree ensemble (with cover from its training rows) or a linear function.</summary>
internal sealed class RawScorer
{
    private RawScorer(TreeEnsemble? trees, LinearScorer? linear)
    {
        Trees = trees;
        Linear = linear;
    }

    public TreeEnsemble? Trees { get; }

    public LinearScorer? Linear { get; }

    public static RawScorer From(FittedLearner learner, float[][] x, IReadOnlyList<int> trainingRows) =>
        learner.Trees is { } trees
            ? new RawScorer(TreeEnsemble.FromMlNet(trees, x[0].Length, trainingRows.Select(i => x[i])), null)
            : new RawScorer(null, learner.Linear);

    public static RawScorer From(ScorerData data) =>
        data.Trees is { } t ? new RawScorer(TreeEnsemble.FromData(t), null) : new RawScorer(null, data.Linear);

    public double Score(ReadOnlySpan<float> x) => Trees?.Score(x) ?? Linear!.Score(x);

    public ScorerData ToData() => new(Trees?.ToData(), Linear);
}
