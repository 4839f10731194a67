namespace JorgeCopilot.Core.Leads;

/// <summary>What became of a lead. <see cref="Key"/> makes recording idempotent (a retried webhook adds nothing).</summary>
public sealed class LeadOutcome
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public long LeadId { get; set; }
    public Lead? Lead { get; set; }
    public bool Converted { get; set; }
    public DateTime? OccurredAt { get; set; }
    public decimal? Value { get; set; }
    public string? Source { get; set; }
}
