namespace JorgeCopilot.Core.Market;

/// <summary>
/// One monthly observation of a market series. Natural key: (<see cref="Source"/>, <see cref="Region"/>,
/// <see cref="Segment"/>, <see cref="Metric"/>, <see cref="Month"/>).
/// </summary>
public sealed class MarketSeriesPoint
{
    public long Id { get; set; }
    /// <summary>Publisher of the series, e.g. "zillow", "redfin", "census".</summary>
    public required string Source { get; set; }
    public required string Region { get; set; }
    /// <summary>Sub-population of the series (property type, seasonal adjustment); empty when the series has none.</summary>
    public string Segment { get; set; } = "";
    public required string Metric { get; set; }
    /// <summary>First day of the month the value describes.</summary>
    public DateOnly Month { get; set; }
    public double Value { get; set; }
}
