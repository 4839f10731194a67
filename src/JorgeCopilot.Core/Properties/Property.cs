namespace JorgeCopilot.Core.Properties;

/// <summary>A home. Natural key: <see cref="ParcelId"/> (the assessor's parcel number or the MLS id).</summary>
public sealed class Property
{
    public long Id { get; set; }
    public required string ParcelId { get; set; }
    public string? Address { get; set; }
    public string? Zip { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public double? Bedrooms { get; set; }
    public double? Bathrooms { get; set; }
    public double? LivingSqft { get; set; }
    public double? LotSqft { get; set; }
    public double? Floors { get; set; }
    public int? YearBuilt { get; set; }
    public int? YearRenovated { get; set; }
    /// <summary>Assessor condition, 1–5.</summary>
    public int? Condition { get; set; }
    /// <summary>Assessor construction grade, 1–13 (7 = average).</summary>
    public int? Grade { get; set; }
    public int? View { get; set; }
    public bool? Waterfront { get; set; }
    public double? AboveSqft { get; set; }
    public double? BasementSqft { get; set; }
    /// <summary>Mean living area of the 15 nearest neighbours (King County data).</summary>
    public double? NeighborLivingSqft { get; set; }
    public double? NeighborLotSqft { get; set; }
    public Dictionary<string, string> Attributes { get; set; } = [];

    public List<Sale> Sales { get; set; } = [];
}
