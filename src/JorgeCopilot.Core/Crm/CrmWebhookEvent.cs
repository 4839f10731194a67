namespace JorgeCopilot.Core.Crm;

/// <summary>
/// One CRM webhook delivery that was processed. The unique (<see cref="Provider"/>, <see cref="WebhookId"/>) makes a
/// redelivered or replayed event a no-op, and because it lives in the store every replica agrees.
/// </summary>
public sealed class CrmWebhookEvent
{
    public long Id { get; set; }
    /// <summary>The CRM, e.g. "gohighlevel".</summary>
    public required string Provider { get; set; }
    /// <summary>The CRM's own id of the delivery (GoHighLevel's <c>webhookId</c>).</summary>
    public required string WebhookId { get; set; }
    /// <summary>The event type as the CRM names it, e.g. "OpportunityStageUpdate".</summary>
    public required string Type { get; set; }
    /// <summary>When the CRM says it sent the event.</summary>
    public DateTime SentAt { get; set; }
    public DateTime ProcessedAt { get; set; }
    /// <summary>What the event changed ("lead upserted", "ignored: unsupported type"), for support without personal data.</summary>
    public required string Effect { get; set; }
}
