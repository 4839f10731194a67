using System.Text.Json;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Intelligence.Monitoring;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.Extensions.Logging;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>
/// <c>jorge train lead-scoring</c> and the weekly job. Split: when the rows have a time order (the store's CreatedAt, or
/// a mapping marked timeOrdered) the last 20% are held out, else a stratified random 20% (seeded). The model is fitted
/// on the other 80% (with its own inner CV), measured on the held-out 20%, and the current champion is measured on the
/// same rows; the registry promotes the challenger only when its AUC is higher.
/// </summary>
public sealed class LeadScoringTrainer(LeadRecordLoader loader, IModelRegistry registry, ILogger<LeadScoringTrainer> logger) : IModelTrainer
{
    public const string TaskName = "lead-scoring";
    public const double HoldoutFraction = 0.2;

    public string Task => TaskName;

    public string Description => "Lead conversion model (LightGBM / FastTree / logistic by CV AUC, calibrated, TreeSHAP reasons)";

    public LeadModelOptions Options { get; init; } = new();

    public async Task<TrainingOutcome> TrainAsync(TrainingRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<LeadExample> examples;
        IReadOnlyDictionary<string, LeadColumnKind>? kinds = null;
        IEnumerable<string>? missing = null;
        bool timeOrdered;
        DateTime? start = null, end = null;
        string description;
        if (request.DataPath is not null)
        {
            if (request.MapPath is null)
            {
                throw new InvalidOperationException("--data needs --map (the mapping names the target and the leaky columns).");
            }

            var read = MappedLeadExport.Read(request.DataPath, request.MapPath);
            examples = read.Examples;
            kinds = read.Kinds;
            missing = read.MissingValues;
            timeOrdered = read.TimeOrdered;
            var dates = examples.Select(e => e.Lead.CreatedAt).OfType<DateTime>().ToList();
            start = dates.Count > 0 ? dates.Min() : null;
            end = dates.Count > 0 ? dates.Max() : null;
            description = $"{Path.GetFileName(request.DataPath)} ({examples.Count} rows; excluded as leaky: {string.Join(", ", read.Leaky)})";
        }
        else
        {
            var labelled = await loader.LoadLabelledAsync(cancellationToken);
            examples = labelled.Select(l => l.Example).ToList();
            var dates = labelled.Select(l => l.CreatedAt).OfType<DateTime>().ToList();
            timeOrdered = dates.Count == labelled.Count && dates.Count > 0;
            start = dates.Count > 0 ? dates.Min() : null;
            end = dates.Count > 0 ? dates.Max() : null;
            description = $"store: {examples.Count} leads with outcomes";
        }

        if (examples.Count < 50)
        {
            throw new InvalidOperationException($"Only {examples.Count} leads with outcomes; lead scoring needs at least 50. Record outcomes or pass --data/--map.");
        }

        var (train, holdout) = Split(examples, timeOrdered, Options.Seed);
        description += timeOrdered ? $"; time-ordered split, last {HoldoutFraction:P0} held out" : $"; stratified random {HoldoutFraction:P0} held out (seed {Options.Seed})";
        var report = new Progress<string>(s => progress?.Report(new ImportProgress(s, 0, 0)));
        progress?.Report(new ImportProgress("training", 0, 1));
        var model = await System.Threading.Tasks.Task.Run(() => LeadModelFitter.Fit(train, Options, kinds, missing, report), cancellationToken);
        var metrics = Evaluate(model, holdout);
        metrics["train_rows"] = train.Count;
        metrics["holdout_rows"] = holdout.Count;
        foreach (var (algorithm, auc) in model.Artifact.CrossValidatedAuc)
        {
            metrics[$"cv_auc_{algorithm.ToLowerInvariant()}"] = auc;
        }

        var champion = await registry.GetChampionSummaryAsync(TaskName, cancellationToken);
        double? championAuc = null;
        if (champion is not null)
        {
            var stored = await registry.GetAsync(TaskName, champion.Version, cancellationToken);
            try
            {
                var championModel = LeadScoringModel.Load(stored!.ModelBytes);
                championAuc = Evaluate(championModel, holdout)["auc"];
            }
            catch (InvalidDataException ex)
            {
                logger.LogWarning(ex, "Champion v{Version} could not be loaded for comparison", champion.Version);
            }
        }

        var schema = JsonSerializer.Serialize(new
        {
            features = model.Artifact.Schema.Features.Select(f => f.Name),
            target = "converted",
            interval = model.Artifact.Interval,
            bands = model.Artifact.Bands,
        });
        var registration = await registry.RegisterAsync(
            new ModelCandidate(TaskName, model.Artifact.Algorithm, start, end, description, metrics, schema, model.Bytes),
            new ChampionComparison("auc", HigherIsBetter: true, metrics["auc"], championAuc, champion?.Version),
            cancellationToken);
        return new TrainingOutcome(TaskName, registration.Version.Version, model.Artifact.Algorithm, registration.Version.Metrics,
            registration.Promoted, registration.Reason);
    }

    /// <summary>Held-out metrics of a model (names as in the eval report).</summary>
    public static Dictionary<string, double> Evaluate(LeadScoringModel model, IReadOnlyList<LeadExample> holdout)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(holdout);
        var predictions = model.PredictBatch(holdout.Select(e => model.Features.Transform(e.Lead)).ToList());
        var p = predictions.Select(q => q.Probability).ToArray();
        var y = holdout.Select(e => e.Converted).ToArray();
        return new Dictionary<string, double>
        {
            ["auc"] = BinaryMetrics.Auc(p, y),
            ["pr_auc"] = BinaryMetrics.PrAuc(p, y),
            ["brier"] = BinaryMetrics.Brier(p, y),
            ["ece"] = BinaryMetrics.Ece(p, y),
            ["top_decile_lift"] = BinaryMetrics.TopDecileLift(p, y),
            ["accuracy"] = BinaryMetrics.Accuracy(p, y),
            ["baseline_accuracy"] = BinaryMetrics.BaselineAccuracy(y),
            ["coverage_80"] = IntervalCoverage.BinCoverage(predictions, y),
        };
    }

    public static (List<LeadExample> Train, List<LeadExample> Holdout) Split(IReadOnlyList<LeadExample> examples, bool timeOrdered, int seed)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (timeOrdered)
        {
            var ordered = examples.OrderBy(e => e.Order).ToList();
            var cut = (int)Math.Round(ordered.Count * (1 - HoldoutFraction));
            return (ordered[..cut], ordered[cut..]);
        }

        var folds = LeadModelFitter.StratifiedFolds(examples.Select(e => e.Converted).ToList(), (int)Math.Round(1 / HoldoutFraction), seed);
        return (examples.Where((_, i) => folds[i] != 0).ToList(), examples.Where((_, i) => folds[i] == 0).ToList());
    }
}
