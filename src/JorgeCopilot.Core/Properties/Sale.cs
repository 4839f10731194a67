namespace JorgeCopilot.Core.Properties;

/// <summary>A sale (or a listing when <see cref="SalePrice"/> is null). Natural key: (<see cref="PropertyId"/>, <see cref="SaleDate"/>).</summary>
public sealed class Sale
{
    public long Id { get; set; }
    public long PropertyId { get; set; }
    public Property? Property { get; set; }
    public DateOnly SaleDate { get; set; }
    public decimal? SalePrice { get; set; }
    public decimal? ListPrice { get; set; }
    public DateOnly? ListDate { get; set; }
    /// <summary>Listing agent and brokerage when the export has them (competitive intelligence).</summary>
    public string? ListingAgent { get; set; }
    public string? Brokerage { get; set; }
    public string? Source { get; set; }
}
