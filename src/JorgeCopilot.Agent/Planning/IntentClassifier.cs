using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JorgeCopilot.Agent.Prompts;
using JorgeCopilot.Intelligence.Capabilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace JorgeCopilot.Agent.Planning;

/// <summary>
/// The planner's intent model: an ML.NET multiclass text classifier (word 1–2-grams + character 2–4-grams, so
/// "scroe" and "lsit price" still land) trained at first use, with a fixed seed, on the planner's own intents
/// (<c>planner/dialogue.jsonl</c>), each installed capability's examples, and the "not yet" examples
/// (<c>planner/not-yet.jsonl</c>) of capabilities that are not installed — so a question for a missing capability is
/// recognised as such instead of landing on a nearby tool. Utterances are normalised by <see cref="SlotExtractor"/> first.
/// </summary>
public sealed class IntentClassifier
{
    /// <summary>Trained models by corpus hash: several hosts in one process (tests, benchmarks) train once.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<TrainedIntentModel>> Cache = new(StringComparer.Ordinal);

    private readonly Lazy<TrainedIntentModel> _model;

    public IntentClassifier(PromptCatalog catalog, SlotExtractor extractor, IEnumerable<ICapability> capabilities, ILogger<IntentClassifier> logger)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var utterances = LoadUtterances(catalog, extractor, [.. capabilities]);
        var key = Hash(utterances);
        _model = Cache.GetOrAdd(key, _ => new Lazy<TrainedIntentModel>(() => TrainedIntentModel.Train(utterances, logger), LazyThreadSafetyMode.ExecutionAndPublication));
    }

    public IReadOnlyCollection<string> Intents => _model.Value.Labels;

    /// <summary>Every token of the training utterances: words that are planner vocabulary, never lead names.</summary>
    public IReadOnlySet<string> Vocabulary => _model.Value.Vocabulary;

    /// <summary>Trains now (the first call otherwise pays for it).</summary>
    public void Warm() => _ = _model.Value;

    public IntentPrediction Predict(string normalizedText) => _model.Value.Predict(normalizedText);

    public const string DialogueFile = "planner/dialogue.jsonl";
    public const string NotYetFile = "planner/not-yet.jsonl";

    internal static List<PlannerUtterance> LoadUtterances(PromptCatalog catalog, SlotExtractor extractor, IReadOnlyList<ICapability> capabilities)
    {
        var installed = capabilities.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rows = new List<UtteranceLine>();
        rows.AddRange(Read(catalog, DialogueFile));
        rows.AddRange(Read(catalog, NotYetFile).Where(r => r.Capability is null || !installed.Contains(r.Capability)));
        foreach (var capability in capabilities)
        {
            foreach (var file in capability.Examples.Files)
            {
                rows.AddRange(Read(catalog, file).Select(r => r with { Intent = Qualified(capability.Name, r.Intent) }));
            }

            rows.AddRange(capability.Examples.Inline.Select(e => new UtteranceLine(e.Text, capability.Name + "." + e.Function, null)));
        }

        return rows.Select(r => new PlannerUtterance { Text = extractor.Extract(r.Text).Normalized, Label = r.Intent }).ToList();
    }

    /// <summary>Files may name intents "Plugin.function" or just "function" (the capability's), or one of the planner's own (e.g. "out_of_scope").</summary>
    private static string Qualified(string capability, string intent) =>
        intent.Contains('.', StringComparison.Ordinal) || DialogueIntents.All.Contains(intent) ? intent : capability + "." + intent;

    private static IEnumerable<UtteranceLine> Read(PromptCatalog catalog, string name)
    {
        if (!catalog.Contains(name))
        {
            throw new InvalidDataException($"prompts/{name} does not exist.");
        }

        var lineNo = 0;
        foreach (var line in catalog.Get(name).Split('\n'))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var row = JsonSerializer.Deserialize<UtteranceLine>(line, JsonOptions)
                ?? throw new InvalidDataException($"prompts/{name}:{lineNo}: empty line object.");
            if (string.IsNullOrWhiteSpace(row.Text) || string.IsNullOrWhiteSpace(row.Intent))
            {
                throw new InvalidDataException($"prompts/{name}:{lineNo}: needs \"text\" and \"intent\".");
            }

            yield return row;
        }
    }

    private static string Hash(List<PlannerUtterance> utterances)
    {
        var text = string.Join('\n', utterances.Select(u => u.Label + "\t" + u.Text));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <param name="Capability">On "not yet" examples: the capability that would answer them; dropped once it is installed.</param>
    private sealed record UtteranceLine(string Text, string Intent, string? Capability);
}

public sealed record IntentPrediction(string Intent, float Confidence, string RunnerUp, float RunnerUpConfidence);

public sealed class PlannerUtterance
{
    public string Text { get; set; } = "";
    public string Label { get; set; } = "";
}

internal sealed class IntentScores
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}

internal sealed class TrainedIntentModel
{
    private const int Seed = 20261124;
    private readonly ObjectPool<PredictionEngine<PlannerUtterance, IntentScores>> _engines;
    private readonly string[] _labels;

    private TrainedIntentModel(MLContext ml, ITransformer model, DataViewSchema schema, string[] labels, IReadOnlySet<string> vocabulary)
    {
        _labels = labels;
        Vocabulary = vocabulary;
        // PredictionEngine is not thread-safe: one per concurrent caller, recycled through a pool.
        _engines = new DefaultObjectPool<PredictionEngine<PlannerUtterance, IntentScores>>(
            new EnginePolicy(() => ml.Model.CreatePredictionEngine<PlannerUtterance, IntentScores>(model, schema)), Environment.ProcessorCount * 4);
    }

    public IReadOnlyCollection<string> Labels => _labels;

    public IReadOnlySet<string> Vocabulary { get; }

    public static TrainedIntentModel Train(List<PlannerUtterance> utterances, ILogger logger)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var ml = new MLContext(seed: Seed);
        var data = ml.Data.LoadFromEnumerable(utterances);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(PlannerUtterance.Label))
            .Append(ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepPunctuations = false,
                KeepDiacritics = false,
                StopWordsRemoverOptions = null,
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = true, SkipLength = 0 },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(PlannerUtterance.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                MaximumNumberOfIterations = 60,
                L2Regularization = 1e-4f,
                NumberOfThreads = 1,
            }));
        var model = pipeline.Fit(data);

        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(data.Schema)["Score"].GetSlotNames(ref slotNames);
        var labels = slotNames.DenseValues().Select(v => v.ToString()).ToArray();
        var vocabulary = utterances.SelectMany(u => SlotExtractor.Tokenize(u.Text)).ToHashSet(StringComparer.Ordinal);
        logger.LogInformation("Planner intent model trained on {Utterances} utterances, {Intents} intents, in {Elapsed} ms",
            utterances.Count, labels.Length, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new TrainedIntentModel(ml, model, data.Schema, labels, vocabulary);
    }

    public IntentPrediction Predict(string normalizedText)
    {
        var engine = _engines.Get();
        try
        {
            var scores = engine.Predict(new PlannerUtterance { Text = normalizedText }).Score;
            int best = 0, second = -1;
            for (var i = 1; i < scores.Length; i++)
            {
                if (scores[i] > scores[best])
                {
                    second = best;
                    best = i;
                }
                else if (second < 0 || scores[i] > scores[second])
                {
                    second = i;
                }
            }

            return new IntentPrediction(_labels[best], scores[best], second >= 0 ? _labels[second] : _labels[best], second >= 0 ? scores[second] : 0f);
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    private sealed class EnginePolicy(Func<PredictionEngine<PlannerUtterance, IntentScores>> create) : IPooledObjectPolicy<PredictionEngine<PlannerUtterance, IntentScores>>
    {
        public PredictionEngine<PlannerUtterance, IntentScores> Create() => create();

        public bool Return(PredictionEngine<PlannerUtterance, IntentScores> obj) => true;
    }
}
