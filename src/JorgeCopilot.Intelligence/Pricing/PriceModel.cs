using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// A trained price model: the LightGBM ensemble, the sale pool its location features come from, conformal widths and
/// (when trained with them) out-of-fold values for the pool. Thread-safe: prediction engines come from pools.
/// </summary>
public sealed class PriceModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly MLContext _ml;
    private readonly ITransformer _predictor;
    private readonly double[] _outOfFold;
    private readonly ObjectPool<PredictionEngine<PriceRow, PricePrediction>> _engines;
    private readonly ObjectPool<PredictionEngine<PriceRow, PricePrediction>> _explainers;

    internal PriceModel(MLContext ml, ITransformer predictor, NeighborhoodIndex index, ConformalWidths conformal, double[] outOfFold, PriceModelInfo info)
    {
        _ml = ml;
        _predictor = predictor;
        Index = index;
        Conformal = conformal;
        _outOfFold = outOfFold;
        Info = info;
        var provider = new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 2 };
        _engines = provider.Create(new EnginePolicy(() => _ml.Model.CreatePredictionEngine<PriceRow, PricePrediction>(_predictor, ignoreMissingColumns: true)));
        var explainer = BuildExplainer();
        _explainers = provider.Create(new EnginePolicy(() => _ml.Model.CreatePredictionEngine<PriceRow, PricePrediction>(explainer)));
    }

    public NeighborhoodIndex Index { get; }

    public ConformalWidths Conformal { get; }

    public PriceModelInfo Info { get; }

    public bool HasOutOfFoldValues => _outOfFold.Any(v => !double.IsNaN(v));

    /// <summary>The model's value for pool sale <paramref name="index"/> from a model that never saw it (NaN when not trained with out-of-fold values).</summary>
    public double OutOfFoldValue(int index) => Math.Exp(_outOfFold[index]);

    /// <summary>Value of a home on a date. The home's own parcel never contributes to its location features.</summary>
    public PriceEstimate Estimate(HomeFeatures home, DateOnly date, string? parcelId = null)
    {
        var row = Row(home, date, parcelId);
        var engine = _engines.Get();
        try
        {
            return ToEstimate(engine.Predict(row).Score);
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    /// <summary>Value plus signed per-feature contributions on the log-price scale (they sum to the log value minus the model's base).</summary>
    public (PriceEstimate Estimate, IReadOnlyList<PriceFactor> Factors) Explain(HomeFeatures home, DateOnly date, string? parcelId = null)
    {
        var row = Row(home, date, parcelId);
        var engine = _explainers.Get();
        PricePrediction prediction;
        try
        {
            prediction = engine.Predict(row);
        }
        finally
        {
            _explainers.Return(engine);
        }

        var factors = new List<PriceFactor>(PricingFeatures.Count);
        for (var i = 0; i < PricingFeatures.Count; i++)
        {
            var c = prediction.FeatureContributions.Length > i ? prediction.FeatureContributions[i] : 0;
            if (c != 0)
            {
                factors.Add(new PriceFactor(PricingFeatures.Names[i].Name, PricingFeatures.Names[i].Label, row.Features[i], c));
            }
        }

        factors.Sort((a, b) => Math.Abs(b.LogContribution).CompareTo(Math.Abs(a.LogContribution)));
        return (ToEstimate(prediction.Score), factors);
    }

    public PriceEstimate ToEstimate(double logValue) => new(
        Math.Exp(logValue),
        Math.Exp(logValue - Conformal.HalfWidth80),
        Math.Exp(logValue + Conformal.HalfWidth80),
        Math.Exp(logValue - Conformal.HalfWidth95),
        Math.Exp(logValue + Conformal.HalfWidth95));

    private PriceRow Row(HomeFeatures home, DateOnly date, string? parcelId)
    {
        var near = Index.Describe(home, parcelId);
        return new PriceRow { Features = PricingFeatures.Build(home, date, near, Index.Hedonic.Predict(home, date)) };
    }

    private ITransformer BuildExplainer()
    {
        var empty = _ml.Data.LoadFromEnumerable(Array.Empty<PriceRow>());
        var contributions = _ml.Transforms.CalculateFeatureContribution(
                AsContributionSource(_predictor), numberOfPositiveContributions: PricingFeatures.Count, numberOfNegativeContributions: PricingFeatures.Count, normalize: false)
            .Fit(empty);
        return contributions.Append(_predictor);
    }

    private static ISingleFeaturePredictionTransformer<ICalculateFeatureContribution> AsContributionSource(ITransformer predictor) =>
        predictor as ISingleFeaturePredictionTransformer<ICalculateFeatureContribution>
        ?? throw new InvalidOperationException($"The price model ({predictor.GetType().Name}) does not expose feature contributions.");

    /// <summary>Serialises model, pool, widths and out-of-fold values into one archive (the registry stores the bytes).</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry("model.zip").Open())
            {
                var schema = _ml.Data.LoadFromEnumerable(Array.Empty<PriceRow>()).Schema;
                _ml.Model.Save(_predictor, schema, entry);
            }

            using (var entry = zip.CreateEntry("pricing.json").Open())
            {
                JsonSerializer.Serialize(entry, new Stored(Index.Sales, _outOfFold, Conformal, Info), Json);
            }
        }

        return buffer.ToArray();
    }

    public static PriceModel FromBytes(byte[] bytes, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var buffer = new MemoryStream(bytes);
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        var ml = new MLContext(seed);
        ITransformer predictor;
        using (var modelStream = new MemoryStream())
        {
            using (var entry = (zip.GetEntry("model.zip") ?? throw new InvalidDataException("Price model archive has no model.zip.")).Open())
            {
                entry.CopyTo(modelStream);
            }

            modelStream.Position = 0;
            predictor = ml.Model.Load(modelStream, out _);
        }

        Stored stored;
        using (var entry = (zip.GetEntry("pricing.json") ?? throw new InvalidDataException("Price model archive has no pricing.json.")).Open())
        {
            stored = JsonSerializer.Deserialize<Stored>(entry, Json) ?? throw new InvalidDataException("Empty pricing.json.");
        }

        return new PriceModel(ml, predictor, new NeighborhoodIndex(stored.Sales), stored.Conformal, stored.OutOfFold, stored.Info);
    }

    private sealed record Stored(IReadOnlyList<HomeSale> Sales, double[] OutOfFold, ConformalWidths Conformal, PriceModelInfo Info);

    private sealed class EnginePolicy(Func<PredictionEngine<PriceRow, PricePrediction>> create) : PooledObjectPolicy<PredictionEngine<PriceRow, PricePrediction>>
    {
        public override PredictionEngine<PriceRow, PricePrediction> Create() => create();

        public override bool Return(PredictionEngine<PriceRow, PricePrediction> obj) => true;
    }
}

/// <summary>A value with its 80% and 95% conformal intervals (USD).</summary>
public sealed record PriceEstimate(double Value, double Low80, double High80, double Low95, double High95);

/// <summary>One feature's signed contribution to the log value; <see cref="Percent"/> is the multiplicative effect.</summary>
public sealed record PriceFactor(string Feature, string Label, double FeatureValue, double LogContribution)
{
    public double Percent => Math.Exp(LogContribution) - 1;
}
