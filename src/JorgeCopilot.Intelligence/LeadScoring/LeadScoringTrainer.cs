using System.Text.Json;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Intelligence.Monitoring;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.Extensions.Logging;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>
/// <c>jorge train lead-scoring</c> and the weekly job. Split: when the rows have a time order (the store's CreatedAt, or
/// an export whose rows all have createdAt) the last 20% are held out, else a stratified random 20% (seeded). The model
/// is fitted on the other 80% (with its own inner CV) and measured on the held-out 20%.
/// Champion integrity: a model records its data set and feature columns. One trained on an export is registered under
/// the export's name (task <c>lead-scoring:&lt;dataset&gt;</c>, its own champion line) and never scores the store's
/// leads, unless promotion is asked for AND the store's leads carry the model's columns (else a refusal naming the
/// missing ones). The champion of the line is measured on the same held-out rows with the same features; a champion
/// whose columns those rows lack cannot be compared, and the reason says so.
/// </summary>
public sealed class LeadScoringTrainer(LeadRecordLoader loader, IModelRegistry registry, ILogger<LeadScoringTrainer> logger, DataLocator? data = null)
    : IModelTrainer
{
    public const string TaskName = "lead-scoring";
    public const double HoldoutFraction = 0.2;

    /// <summary>The data set name of models trained on the store's own leads and outcomes.</summary>
    public const string StoreDataset = "store";

    public string Task => TaskName;

    public string Description => "Lead conversion model (LightGBM / FastTree / logistic by CV AUC, calibrated, TreeSHAP reasons); --data/--map trains on an export (its own line unless --promote)";

    public LeadModelOptions Options { get; init; } = new();

    /// <summary>The registry task of a model trained on an export that is not promoted: <c>lead-scoring:&lt;dataset&gt;</c>.</summary>
    public static string ExportTask(string dataset) => $"{TaskName}:{dataset}";

    public async Task<TrainingOutcome> TrainAsync(TrainingRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<LeadExample> examples;
        IReadOnlyDictionary<string, LeadColumnKind>? kinds = null;
        IEnumerable<string>? missing = null;
        IReadOnlyDictionary<string, string> labels;
        bool timeOrdered;
        DateTime? start = null, end = null;
        string description;
        string dataset;
        if (request.DataPath is not null)
        {
            if (request.MapPath is null)
            {
                throw new InvalidOperationException("--data needs --map (the mapping names the target and the leaky columns; `jorge map suggest <file>` writes one).");
            }

            var read = MappedLeadExport.Read(request.DataPath, request.MapPath);
            examples = read.Examples;
            kinds = read.Kinds;
            missing = read.MissingValues;
            labels = read.Labels;
            dataset = read.Dataset;
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
            dataset = StoreDataset;
            labels = StoreLabels();
        }

        if (examples.Count < 50)
        {
            throw new InvalidOperationException($"Only {examples.Count} leads with outcomes; lead scoring needs at least 50. Record outcomes or pass --data/--map.");
        }

        var (train, holdout) = Split(examples, timeOrdered, Options.Seed);
        description += timeOrdered ? $"; time-ordered split, last {HoldoutFraction:P0} held out" : $"; stratified random {HoldoutFraction:P0} held out (seed {Options.Seed})";
        var report = new Progress<string>(s => progress?.Report(new ImportProgress(s, 0, 0)));
        progress?.Report(new ImportProgress("training", 0, 1));
        var model = await System.Threading.Tasks.Task.Run(() => LeadModelFitter.Fit(train, Options with { TimeOrdered = timeOrdered }, kinds, missing, report, dataset, labels), cancellationToken);
        var metrics = Evaluate(model, holdout);
        foreach (var (k, v) in RollingMetrics(model, holdout))
        {
            metrics[k] = v;
        }

        metrics["train_rows"] = train.Count;
        metrics["holdout_rows"] = holdout.Count;
        foreach (var (algorithm, auc) in model.Artifact.CrossValidatedAuc)
        {
            metrics[$"cv_auc_{algorithm.ToLowerInvariant()}"] = auc;
        }

        var task = request.DataPath is null ? TaskName : ExportTask(dataset);
        var notes = new List<string>();
        if (request.DataPath is not null && request.Promote)
        {
            var refusal = await PromotionRefusalAsync(model, cancellationToken);
            if (refusal is null)
            {
                task = TaskName;
            }
            else
            {
                notes.Add(refusal);
            }
        }

        var (championAuc, championVersion, championNote) = await MeasureChampionAsync(task, holdout, cancellationToken);
        if (championNote is not null)
        {
            notes.Add(championNote);
        }

        var schema = JsonSerializer.Serialize(new
        {
            dataset,
            columns = model.Artifact.Schema.AttributeColumns(),
            features = model.Artifact.Schema.Features.Select(f => f.Name),
            labels,
            target = "converted",
            interval = model.Artifact.Interval,
            bands = model.Artifact.Bands,
        });
        var registration = await registry.RegisterAsync(
            new ModelCandidate(task, model.Artifact.Algorithm, start, end, $"{dataset}: {description}", metrics, schema, model.Bytes),
            new ChampionComparison("auc", HigherIsBetter: true, metrics["auc"], championAuc, championVersion),
            cancellationToken);
        var scores = task == TaskName ? "scores the store's leads when champion" : $"registered as {task}: it never scores the store's leads";
        notes.Add($"{scores}; {registration.Reason}");
        return new TrainingOutcome(task, registration.Version.Version, model.Artifact.Algorithm, registration.Version.Metrics,
            registration.Promoted, string.Join("; ", notes));
    }

    /// <summary>Null when the store's leads carry every column the model reads; else why it will not be promoted.</summary>
    private async Task<string?> PromotionRefusalAsync(LeadScoringModel model, CancellationToken cancellationToken)
    {
        var store = await loader.LoadAttributesAsync(cancellationToken);
        if (store.Count == 0)
        {
            return "not promoted to score the store's leads: the store has no leads to check the model's features against";
        }

        var lacking = ColumnsLacking(model.Artifact.Schema.AttributeColumns(), store);
        return lacking.Count == 0
            ? null
            : $"not promoted to score the store's leads: they lack {lacking.Count} of the model's features " +
              $"({string.Join(", ", lacking.Select(c => LeadReasonFormatter.Label(c, model.Artifact.Labels)))})";
    }

    /// <summary>The line's champion on the challenger's held-out rows, or why it cannot be measured on them.</summary>
    private async Task<(double? Auc, int? Version, string? Note)> MeasureChampionAsync(string task, IReadOnlyList<LeadExample> holdout,
        CancellationToken cancellationToken)
    {
        var champion = await registry.GetChampionSummaryAsync(task, cancellationToken);
        if (champion is null)
        {
            return (null, null, null);
        }

        var stored = await registry.GetAsync(task, champion.Version, cancellationToken);
        try
        {
            var championModel = LeadScoringModel.Load(stored!.ModelBytes);
            var lacking = ColumnsLacking(championModel.Artifact.Schema.AttributeColumns(), holdout.Select(e => e.Lead).ToList());
            if (lacking.Count > 0)
            {
                // Scoring rows without the champion's features would compare the challenger with a champion guessing blind.
                return (null, champion.Version, $"champion v{champion.Version} reads {string.Join(", ", lacking.Take(8))}, which the held-out rows lack, so it cannot be compared on them");
            }

            return (Evaluate(championModel, holdout)["auc"], champion.Version, null);
        }
        catch (InvalidDataException ex)
        {
            logger.LogWarning(ex, "Champion v{Version} could not be loaded for comparison", champion.Version);
            return (null, champion.Version, null);
        }
    }

    /// <summary>Columns fewer than half of the rows carry (a blank value counts as carried: it reads as unknown).</summary>
    public static IReadOnlyList<string> ColumnsLacking(IReadOnlyList<string> columns, IReadOnlyList<LeadRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        return columns.Where(c => rows.Count(r => r.Attributes.ContainsKey(c)) * 2 < rows.Count || rows.Count == 0).ToList();
    }

    /// <summary>Labels for the store's leads: those of the bundled lead mappings the store's leads were imported with.</summary>
    private Dictionary<string, string> StoreLabels()
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var root = data?.BundledDirectory();
            if (root is null || !Directory.Exists(root))
            {
                return labels;
            }

            foreach (var file in Directory.EnumerateFiles(root, "leads*.map.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                foreach (var (column, label) in Core.Import.MappingFile.Load(file).Labels())
                {
                    labels.TryAdd(column, label);
                }
            }
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or Core.Import.MappingException or IOException)
        {
            // Labels only change wording; a model without them names columns as they are.
            logger.LogWarning(ex, "Lead labels could not be read from the bundled mappings");
        }

        return labels;
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

    /// <summary>
    /// The model served month by month over a dated holdout as <see cref="LeadScoringService"/> serves it
    /// (<see cref="RollingRecalibration"/>: each month recalibrated on earlier months' outcomes only): AUC, Brier,
    /// calibration error, interval coverage and mean width, plus the static interval's width and the coverage of the
    /// recalibration alone (out-of-fold width). Empty when the rows are not all dated or the model has no interval.
    /// </summary>
    public static Dictionary<string, double> RollingMetrics(LeadScoringModel model, IReadOnlyList<LeadExample> holdout)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(holdout);
        if (model.Artifact.Interval is not { } interval || holdout.Count == 0 || holdout.Any(e => e.Lead.CreatedAt is null))
        {
            return [];
        }

        var predictions = model.PredictBatch(holdout.Select(e => model.Features.Transform(e.Lead)).ToList());
        var y = holdout.Select(e => e.Converted).ToList();
        var periods = holdout.Select(e => RollingRecalibration.Period(e.Lead.CreatedAt!.Value)).ToList();
        var rolled = new RollingRecalibration().Walk(predictions, y, periods, interval);
        var recalibratedOnly = new RollingRecalibration(ErrorMonths: 0).Walk(predictions, y, periods, interval);
        var p = rolled.Select(q => q.Probability).ToArray();
        return new Dictionary<string, double>
        {
            ["interval_width_80"] = predictions.Average(q => q.High - q.Low),
            ["rolling_auc"] = BinaryMetrics.Auc(p, y),
            ["rolling_brier"] = BinaryMetrics.Brier(p, y),
            ["rolling_ece"] = BinaryMetrics.Ece(p, y),
            ["rolling_interval_coverage_80"] = IntervalCoverage.BinCoverage(rolled, y),
            ["rolling_interval_width_80"] = rolled.Average(q => q.High - q.Low),
            ["recalibrated_interval_coverage_80"] = IntervalCoverage.BinCoverage(recalibratedOnly, y),
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
