using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using JorgeCopilot.Intelligence.Explain;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// A trained price model: the averaged LightGBM tree ensembles (read out of ML.NET), the sale pool its location features
/// come from, conformal widths and (when trained with them) out-of-fold values for the pool. Thread-safe and
/// allocation-light: scoring walks the trees directly, and explanations are exact TreeSHAP over the same trees.
/// </summary>
public sealed class PriceModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// Per-leaf TreeSHAP values held per member (8 bytes each; a leaf's cover fractions and value). Each member's 1,700
    /// depth-5 trees need about 230,000 (2 MB), so every tree is explained in closed form per leaf; the cap keeps a
    /// model trained with other settings from growing without bound (trees beyond it are explained by recursion).
    /// </summary>
    public const int ExplainerTableBudget = 6_000_000;

    private readonly TreeEnsemble[] _members;
    private readonly TreeShapExplainer[] _explainers;
    private readonly double[] _outOfFold;
    private readonly bool[] _screened;

    internal PriceModel(TreeEnsemble[] members, NeighborhoodIndex index, ConformalWidths conformal, double[] outOfFold, bool[] screened, PriceModelInfo info,
        ExportFeatures? extras = null)
    {
        if (members.Length == 0)
        {
            throw new ArgumentException("A price model needs at least one tree ensemble.", nameof(members));
        }

        _members = members;
        _explainers = members.Select(m => new TreeShapExplainer(m, ExplainerTableBudget)).ToArray();
        Index = index;
        Conformal = conformal;
        _outOfFold = outOfFold;
        _screened = screened.Length == index.Count ? screened : new bool[index.Count];
        Info = info;
        Extras = extras ?? ExportFeatures.None;
        FeatureNames = [.. PricingFeatures.Names.Select(n => (n.Name, n.Label, n.Name)), .. Extras.Names()];
    }

    /// <summary>The export's own columns this model takes (none for the fixed King County schema).</summary>
    public ExportFeatures Extras { get; }

    /// <summary>Every vector entry's name, plain label and source field (one-hot entries share their field).</summary>
    public IReadOnlyList<(string Name, string Label, string Field)> FeatureNames { get; }

    public int FeatureCount => FeatureNames.Count;

    public NeighborhoodIndex Index { get; }

    public ConformalWidths Conformal { get; }

    public PriceModelInfo Info { get; }

    /// <summary>Share of trees explained from precomputed tables, and the tables' size in values (for the benchmark).</summary>
    public (double TabulatedTreeShare, long TableValues) ExplainerTables =>
        (_explainers.Average(e => e.TabulatedTreeShare), _explainers.Sum(e => e.TableValues));

    public bool HasOutOfFoldValues => _outOfFold.Any(v => !double.IsNaN(v));

    /// <summary>The model's value for pool sale <paramref name="index"/> from a model that never saw it (NaN when not trained with out-of-fold values).</summary>
    public double OutOfFoldValue(int index) => Math.Exp(_outOfFold[index]);

    /// <summary>
    /// Whether pool sale <paramref name="index"/> was screened out of fitting as a likely non-market sale (see
    /// <see cref="PriceModelBuilder"/>): such a sale is neither shown as a comparable nor offered as an undervalued home.
    /// </summary>
    public bool IsScreened(int index) => _screened[index];

    /// <summary>Value of a home on a date. The home's own parcel never contributes to its location features.</summary>
    public PriceEstimate Estimate(HomeFeatures home, DateOnly date, string? parcelId = null) =>
        ToEstimate(Score(_members, Features(home, date, parcelId)));

    /// <summary>Value plus signed per-feature contributions on the log-price scale (they sum to the log value minus the model's base).</summary>
    public (PriceEstimate Estimate, IReadOnlyList<PriceFactor> Factors) Explain(HomeFeatures home, DateOnly date, string? parcelId = null)
    {
        var features = Features(home, date, parcelId);
        var attribution = Attribute(features);
        var factors = new List<PriceFactor>(FeatureCount);
        for (var i = 0; i < PricingFeatures.Count; i++)
        {
            var c = attribution.Contributions[i];
            if (c != 0)
            {
                factors.Add(new PriceFactor(PricingFeatures.Names[i].Name, PricingFeatures.Names[i].Label, features[i], c));
            }
        }

        // A text column's one-hot entries are one reason: their contributions add up, shown with the home's own value.
        foreach (var group in Enumerable.Range(PricingFeatures.Count, FeatureCount - PricingFeatures.Count).GroupBy(i => FeatureNames[i].Field))
        {
            var c = group.Sum(i => attribution.Contributions[i]);
            var first = group.First();
            if (c != 0)
            {
                var text = home.Categories is not null && home.Categories.TryGetValue(group.Key, out var value) ? value : null;
                factors.Add(new PriceFactor(FeatureNames[first].Name, FeatureNames[first].Label, group.Count() == 1 ? features[first] : double.NaN, c) { Text = text });
            }
        }

        factors.Sort((a, b) => Math.Abs(b.LogContribution).CompareTo(Math.Abs(a.LogContribution)));
        return (ToEstimate(attribution.Total), factors);
    }

    /// <summary>
    /// Exact TreeSHAP of the log value: the mean of each member's Shapley values, so
    /// <c>Bias + Σ Contributions</c> equals <see cref="Score(TreeEnsemble[], ReadOnlySpan{float})"/> of the averaged ensembles.
    /// </summary>
    public FeatureAttribution Attribute(ReadOnlySpan<float> features)
    {
        var bias = 0.0;
        var phi = new double[FeatureCount];
        foreach (var explainer in _explainers)
        {
            var one = explainer.Explain(features);
            bias += one.Bias;
            for (var i = 0; i < phi.Length; i++)
            {
                phi[i] += one.Contributions[i];
            }
        }

        for (var i = 0; i < phi.Length; i++)
        {
            phi[i] /= _explainers.Length;
        }

        return new FeatureAttribution(bias / _explainers.Length, phi);
    }

    /// <summary>The raw log value of a feature vector (mean of the members' tree outputs).</summary>
    public double LogValue(ReadOnlySpan<float> features) => Score(_members, features);

    /// <summary>The feature vector the model sees for a home on a date (its own parcel excluded from the location features).</summary>
    public float[] Features(HomeFeatures home, DateOnly date, string? parcelId = null)
    {
        var near = Index.Describe(home, parcelId);
        return Vector(home, date, near, Index.Hedonic.Predict(home, date), Extras);
    }

    /// <summary>The fixed features followed by the export's own columns.</summary>
    internal static float[] Vector(HomeFeatures home, DateOnly date, in NeighborhoodStats near, double hedonic, ExportFeatures extras)
    {
        var v = new float[PricingFeatures.Count + extras.Width];
        PricingFeatures.Build(home, date, near, hedonic, v);
        extras.Write(home, near, v.AsSpan(PricingFeatures.Count));
        return v;
    }

    internal static double Score(TreeEnsemble[] members, ReadOnlySpan<float> features)
    {
        var sum = 0.0;
        foreach (var member in members)
        {
            sum += member.Score(features);
        }

        return sum / members.Length;
    }

    public PriceEstimate ToEstimate(double logValue) => new(
        Math.Exp(logValue),
        Math.Exp(logValue - Conformal.HalfWidth80),
        Math.Exp(logValue + Conformal.HalfWidth80),
        Math.Exp(logValue - Conformal.HalfWidth95),
        Math.Exp(logValue + Conformal.HalfWidth95));

    /// <summary>Serialises trees, pool, widths and out-of-fold values into one compressed archive (the registry stores the bytes).</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("pricing.json", CompressionLevel.Optimal).Open();
            JsonSerializer.Serialize(entry, new Stored(_members.Select(m => m.ToData()).ToArray(), Index.Sales, _outOfFold, _screened, Conformal, Info, Extras), Json);
        }

        return buffer.ToArray();
    }

    public static PriceModel FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var buffer = new MemoryStream(bytes);
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        using var entry = (zip.GetEntry("pricing.json") ?? throw new InvalidDataException("Price model archive has no pricing.json.")).Open();
        var stored = JsonSerializer.Deserialize<Stored>(entry, Json) ?? throw new InvalidDataException("Empty pricing.json.");
        if (stored.Members is not { Length: > 0 })
        {
            throw new InvalidDataException("Price model archive has no trees (saved by an older version; retrain with `jorge train pricing`).");
        }

        return new PriceModel(stored.Members.Select(TreeEnsemble.FromData).ToArray(), new NeighborhoodIndex(stored.Sales), stored.Conformal, stored.OutOfFold, stored.Screened ?? [], stored.Info, stored.Extras);
    }

    private sealed record Stored(TreeEnsembleData[] Members, IReadOnlyList<HomeSale> Sales, double[] OutOfFold, bool[]? Screened, ConformalWidths Conformal, PriceModelInfo Info,
        ExportFeatures? Extras);
}

/// <summary>A value with its 80% and 95% conformal intervals (USD).</summary>
public sealed record PriceEstimate(double Value, double Low80, double High80, double Low95, double High95);

/// <summary>One feature's signed contribution to the log value; <see cref="Percent"/> is the multiplicative effect.</summary>
public sealed record PriceFactor(string Feature, string Label, double FeatureValue, double LogContribution)
{
    /// <summary>The home's value of a text column (e.g. "Attached" for a garage type); null for numbers.</summary>
    public string? Text { get; init; }

    public double Percent => Math.Exp(LogContribution) - 1;
}
