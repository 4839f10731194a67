using System.ComponentModel.DataAnnotations;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>Jorge's commission terms and how the demo deal history is generated (section <c>Revenue</c>).</summary>
public sealed class RevenueOptions
{
    public const string SectionName = "Revenue";

    /// <summary>Commission on the sale price (Jorge's 6%).</summary>
    [Range(0.0, 0.2)]
    public double CommissionRate { get; set; } = 0.06;

    /// <summary>Share of the commission Jorge keeps after the brokerage split.</summary>
    [Range(0.0, 1.0)]
    public double AgentShare { get; set; } = 0.70;

    /// <summary>Closings a month the generated history attributes to him on average.</summary>
    [Range(0.5, 20)]
    public double ClosingsPerMonth { get; set; } = 3.5;

    /// <summary>Deals lost per closed deal in the generated history.</summary>
    [Range(0.0, 3)]
    public double LostPerClosed { get; set; } = 0.6;

    /// <summary>Open deals generated from his hottest leads.</summary>
    [Range(0, 50)]
    public int OpenDeals { get; set; } = 8;

    [Range(500, 100_000)]
    public int Simulations { get; set; } = 4000;

    public int Seed { get; set; } = 1;

    /// <summary>The Zillow metro whose sales counts are his market.</summary>
    public string Market { get; set; } = "Seattle, WA";

    public double EffectiveRate => CommissionRate * AgentShare;
}
