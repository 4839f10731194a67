using System.IO.Compression;
using System.Text.Json;
using JorgeCopilot.Intelligence.Explain;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>
/// A trained lead-scoring model ready to serve: the ML.NET model behind a pool of prediction engines (one engine per
/// concurrent caller, never shared), the calibrator, the conformal interval and the explainer.
/// Thread-safe.
/// </summary>
public sealed class LeadScoringModel
{
    private const string ModelEntry = "model.mlnet";
    private const string ArtifactEntry = "artifact.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ObjectPool<PredictionEngine<FeatureRow, ScoreRow>> _engines;

    private LeadScoringModel(LeadModelArtifact artifact, byte[] bytes, ITransformer transformer, MLContext ml)
    {
        Artifact = artifact;
        Bytes = bytes;
        Features = new LeadFeatureBuilder(artifact.Schema);
        var scorer = RawScorer.From(artifact.Scorer);
        Explainer = scorer.Trees is { } trees
            ? new TreeShapExplainer(trees)
            : new LinearExplainer(scorer.Linear!.Weights, scorer.Linear.Intercept, artifact.FeatureMeans);
        var schema = MlNetBinary.Schema(Features.FeatureCount);
        _engines = new DefaultObjectPool<PredictionEngine<FeatureRow, ScoreRow>>(
            new EnginePolicy(() => ml.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(transformer, ignoreMissingColumns: true, inputSchemaDefinition: schema)),
            Environment.ProcessorCount * 2);
    }

    public LeadModelArtifact Artifact { get; }

    /// <summary>The bytes stored in the registry (a zip of the ML.NET model and the artifact JSON).</summary>
    public byte[] Bytes { get; }

    public LeadFeatureBuilder Features { get; }

    public IScoreExplainer Explainer { get; }

    public static LeadScoringModel Create(LeadModelArtifact artifact, byte[] mlNetModel)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry(ModelEntry, CompressionLevel.Fastest).Open())
            {
                entry.Write(mlNetModel);
            }

            using var json = zip.CreateEntry(ArtifactEntry, CompressionLevel.Optimal).Open();
            JsonSerializer.Serialize(json, artifact, Json);
        }

        return Load(buffer.ToArray());
    }

    public static LeadScoringModel Load(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        LeadModelArtifact artifact;
        using (var json = zip.GetEntry(ArtifactEntry)?.Open() ?? throw new InvalidDataException("Not a lead-scoring model: no artifact."))
        {
            artifact = JsonSerializer.Deserialize<LeadModelArtifact>(json, Json) ?? throw new InvalidDataException("Empty lead-scoring artifact.");
        }

        var ml = new MLContext(seed: 1);
        using var model = new MemoryStream();
        using (var entry = zip.GetEntry(ModelEntry)?.Open() ?? throw new InvalidDataException("Not a lead-scoring model: no ML.NET model."))
        {
            entry.CopyTo(model);
        }

        model.Position = 0;
        var transformer = ml.Model.Load(model, out _);
        return new LeadScoringModel(artifact, bytes, transformer, ml);
    }

    internal static byte[] SaveMlNet(MLContext ml, ITransformer transformer, int featureCount)
    {
        using var stream = new MemoryStream();
        var schema = MlNetBinary.View(ml, [], featureCount).Schema;
        ml.Model.Save(transformer, schema, stream);
        return stream.ToArray();
    }

    /// <summary>The ML.NET model's raw score, through a pooled prediction engine.</summary>
    public double RawScore(float[] features)
    {
        var engine = _engines.Get();
        try
        {
            return engine.Predict(new FeatureRow { Features = features }).Score;
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    public LeadPrediction Predict(LeadRecord lead) => Predict(Features.Transform(lead));

    public LeadPrediction Predict(float[] features)
    {
        var raw = RawScore(features);
        var probability = Artifact.Calibrator.Probability(raw);
        var (low, high) = Interval(probability);
        return new LeadPrediction(probability, low, high, Artifact.Bands.For(probability), raw);
    }

    /// <summary>
    /// Scores many leads without the prediction-engine round trip, straight from the model's trees (same function:
    /// a test checks both agree). Used for ranking the whole book.
    /// </summary>
    public LeadPrediction[] PredictBatch(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var scorer = RawScorer.From(Artifact.Scorer);
        var result = new LeadPrediction[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            var raw = scorer.Score(rows[i]);
            var p = Artifact.Calibrator.Probability(raw);
            var (low, high) = Interval(p);
            result[i] = new LeadPrediction(p, low, high, Artifact.Bands.For(p), raw);
        });
        return result;
    }

    /// <summary>Per-feature contributions (TreeSHAP for tree models) and the plain-language reasons, grouped by source column.</summary>
    public LeadExplanation Explain(LeadRecord lead, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var x = Features.Transform(lead);
        var prediction = Predict(x);
        var attribution = Explainer.Explain(x);
        var reasons = LeadReasonFormatter.Reasons(Features, lead, x, attribution, Artifact.Calibrator, prediction.Probability, Artifact.Labels);
        return new LeadExplanation(prediction, attribution, reasons.Take(top).ToList(), reasons);
    }

    private (double Low, double High) Interval(double probability) =>
        Artifact.Interval?.For(probability) ?? (probability, probability);

    private sealed class EnginePolicy(Func<PredictionEngine<FeatureRow, ScoreRow>> create) : IPooledObjectPolicy<PredictionEngine<FeatureRow, ScoreRow>>
    {
        public PredictionEngine<FeatureRow, ScoreRow> Create() => create();

        public bool Return(PredictionEngine<FeatureRow, ScoreRow> obj) => true;
    }
}

/// <summary>A calibrated probability with its interval and band; <see cref="RawScore"/> is the model's uncalibrated score.</summary>
public sealed record LeadPrediction(double Probability, double Low, double High, string Band, double RawScore);

public sealed record LeadExplanation(LeadPrediction Prediction, FeatureAttribution Attribution, IReadOnlyList<LeadReason> TopReasons, IReadOnlyList<LeadReason> AllReasons);

/// <summary>One reason: the feature group, a plain sentence and its signed effect in probability points.</summary>
public sealed record LeadReason(string Feature, string Text, double Points);
