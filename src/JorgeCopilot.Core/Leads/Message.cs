namespace JorgeCopilot.Core.Leads;

/// <summary>One message to or from a lead. Natural key: <see cref="ExternalId"/>.</summary>
public sealed class Message
{
    public long Id { get; set; }
    public required string ExternalId { get; set; }
    public long LeadId { get; set; }
    public Lead? Lead { get; set; }
    public MessageDirection Direction { get; set; }
    public required string Channel { get; set; }
    public DateTime SentAt { get; set; }
    public required string Text { get; set; }
}

public enum MessageDirection
{
    Inbound = 0,
    Outbound = 1,
}
