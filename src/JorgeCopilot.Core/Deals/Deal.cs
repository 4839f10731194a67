using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Properties;

namespace JorgeCopilot.Core.Deals;

/// <summary>A transaction in Jorge's pipeline. Natural key: <see cref="ExternalId"/>.</summary>
public sealed class Deal
{
    public long Id { get; set; }
    public required string ExternalId { get; set; }
    public long LeadId { get; set; }
    public Lead? Lead { get; set; }
    public long? PropertyId { get; set; }
    public Property? Property { get; set; }
    public string Stage { get; set; } = DealStages.Open;
    public DateOnly? ExpectedClose { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public decimal Value { get; set; }
    /// <summary>Fraction of <see cref="Value"/>, e.g. 0.03 for 3%.</summary>
    public decimal CommissionRate { get; set; }
    public decimal Commission { get; set; }
    public DateTime? CreatedAt { get; set; }
    /// <summary>When the deal went under contract (null if it never did).</summary>
    public DateOnly? ContractedOn { get; set; }
    /// <summary>For a lost deal, the stage it was in when it fell through (<see cref="DealStages.Open"/> or <see cref="DealStages.UnderContract"/>).</summary>
    public string? LostFromStage { get; set; }
    /// <summary>True for the demo's deals attributed to Jorge from public sales records: answers must say so.</summary>
    public bool IsGenerated { get; set; }
}

public static class DealStages
{
    public const string Open = "open";
    public const string UnderContract = "under_contract";
    public const string Closed = "closed";
    public const string Lost = "lost";
}
