namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// What the price model knows about a home. Missing values are <see cref="double.NaN"/>: exports rarely carry every
/// assessor field, and the tree model routes missing values on its own.
/// </summary>
public sealed record HomeFeatures
{
    public string? Zip { get; init; }
    public double Latitude { get; init; } = double.NaN;
    public double Longitude { get; init; } = double.NaN;
    public double Bedrooms { get; init; } = double.NaN;
    public double Bathrooms { get; init; } = double.NaN;
    public double LivingSqft { get; init; } = double.NaN;
    public double LotSqft { get; init; } = double.NaN;
    public double Floors { get; init; } = double.NaN;
    public double YearBuilt { get; init; } = double.NaN;
    /// <summary>Year of the last renovation; NaN or 0 when never renovated.</summary>
    public double YearRenovated { get; init; } = double.NaN;
    public double Condition { get; init; } = double.NaN;
    public double Grade { get; init; } = double.NaN;
    public double View { get; init; } = double.NaN;
    public double Waterfront { get; init; } = double.NaN;
    public double AboveSqft { get; init; } = double.NaN;
    public double BasementSqft { get; init; } = double.NaN;
    public double NeighborLivingSqft { get; init; } = double.NaN;
    public double NeighborLotSqft { get; init; } = double.NaN;

    /// <summary>A neighbourhood (subdivision, area) named by the export; its sales set a price level like a ZIP's.</summary>
    public string? Neighborhood { get; init; }

    /// <summary>Other numeric columns of a sales export, by mapped field name (features of a model trained on it).</summary>
    public IReadOnlyDictionary<string, double>? Numbers { get; init; }

    /// <summary>Other text columns of a sales export (garage type, quality rating, ...), by mapped field name.</summary>
    public IReadOnlyDictionary<string, string>? Categories { get; init; }

    public bool HasLocation => !double.IsNaN(Latitude) && !double.IsNaN(Longitude);

    /// <summary>Whether anything says where the home is: coordinates, a ZIP or a neighbourhood.</summary>
    public bool HasAnyLocation => HasLocation || !string.IsNullOrWhiteSpace(Zip) || !string.IsNullOrWhiteSpace(Neighborhood);
}

/// <summary>One closed sale used for training, comparables and out-of-fold valuation.</summary>
public sealed record HomeSale(string ParcelId, DateOnly SaleDate, double Price, HomeFeatures Home);
