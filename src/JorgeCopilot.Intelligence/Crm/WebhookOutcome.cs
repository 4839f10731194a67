using JorgeCopilot.Core.Validation;

namespace JorgeCopilot.Intelligence.Crm;

/// <summary>How one delivery ended; the endpoint maps <see cref="Status"/> to the HTTP answer.</summary>
public sealed record WebhookOutcome(WebhookStatus Status, string Message, InputErrors? Errors = null, string? Effect = null);

public enum WebhookStatus
{
    Processed,
    AlreadyProcessed,
    /// <summary>Missing or wrong signature: 401.</summary>
    BadSignature,
    /// <summary>Not JSON, not a HighLevel event, a field its type needs is missing, or a stale timestamp: 400.</summary>
    Invalid,
    /// <summary>No public key configured: 503 (never accept an unsigned feed).</summary>
    NotConfigured,
    /// <summary>
    /// The store could not take the delivery just now (a transient failure, or a conflict that kept recurring): 429 with
    /// <c>Retry-After</c>, the only answer HighLevel redelivers on; any other failure status loses the event for good.
    /// </summary>
    RetryLater,
}
