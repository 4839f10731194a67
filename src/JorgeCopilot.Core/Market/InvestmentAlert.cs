namespace JorgeCopilot.Core.Market;

/// <summary>
/// An investment alert once raised (undervalued home, market turn or anomaly). Natural key: <see cref="Key"/>, so the
/// same opportunity is never raised twice.
/// </summary>
public sealed class InvestmentAlert
{
    public long Id { get; set; }
    /// <summary>Stable identity of the opportunity, e.g. "undervalued:0123456789:2015-03-02" or "anomaly:Seattle, WA:zhvi:2023-04".</summary>
    public required string Key { get; set; }
    /// <summary>"undervalued", "trend" or "anomaly".</summary>
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public string Detail { get; set; } = "";
    /// <summary>Ranking score (higher = more interesting).</summary>
    public double Score { get; set; }
    public string? Region { get; set; }
    public string? ParcelId { get; set; }
    public DateTime RaisedAt { get; set; }
}
