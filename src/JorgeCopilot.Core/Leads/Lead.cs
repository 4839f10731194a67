namespace JorgeCopilot.Core.Leads;

/// <summary>A person who may buy or sell through Jorge. Natural key: (<see cref="Source"/>, <see cref="ExternalId"/>).</summary>
public sealed class Lead
{
    public long Id { get; set; }
    public required string Source { get; set; }
    public required string ExternalId { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>True when <see cref="DisplayName"/> was generated (the source had no name), so the UI can say so.</summary>
    public bool NameIsGenerated { get; set; }
    /// <summary>
    /// True for the demo workspace's leads (<c>jorge seed</c>): answers prefer Jorge's own leads when a name is shared,
    /// and <c>jorge seed --remove</c> deletes these with their messages, outcomes and deals.
    /// </summary>
    public bool IsDemo { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Channel { get; set; }
    public DateTime? CreatedAt { get; set; }
    public string Stage { get; set; } = LeadStages.New;
    /// <summary>Position of the lead in its source file; keeps the source's time order when timestamps are coarse.</summary>
    public int? SourceRow { get; set; }
    /// <summary>Free attributes from the CRM export (column name → raw value).</summary>
    public Dictionary<string, string> Attributes { get; set; } = [];

    public List<Message> Messages { get; set; } = [];
    public List<LeadOutcome> Outcomes { get; set; } = [];
}

public static class LeadStages
{
    public const string New = "new";
    public const string Contacted = "contacted";
    public const string Qualified = "qualified";
    public const string Converted = "converted";
    public const string Lost = "lost";
}
