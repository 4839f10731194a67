namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>The home being asked about: its facts, its parcel when known, and how it was identified.</summary>
public sealed record SubjectHome(HomeFeatures Home, string? ParcelId, string Label, string Source, double? ListPrice = null);
