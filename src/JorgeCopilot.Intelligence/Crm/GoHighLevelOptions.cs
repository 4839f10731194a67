using System.ComponentModel.DataAnnotations;

namespace JorgeCopilot.Intelligence.Crm;

/// <summary>The GoHighLevel webhook receiver (section <c>Crm:GoHighLevel</c>).</summary>
public sealed class GoHighLevelOptions
{
    public const string SectionName = "Crm:GoHighLevel";

    /// <summary>
    /// HighLevel's published RSA public key (PEM) that checks the legacy <c>x-wh-signature</c> header. With neither
    /// key every delivery is refused (503): an unsigned CRM feed would let anyone write leads and outcomes.
    /// </summary>
    public string? PublicKeyPem { get; set; }

    /// <summary>HighLevel's published Ed25519 public key (PEM) that checks the current <c>x-ghl-signature</c> header.</summary>
    public string? Ed25519PublicKeyPem { get; set; }

    /// <summary>
    /// Deliveries whose <c>timestamp</c> is older than this are refused. HighLevel redelivers an event answered 429 up to
    /// six times, about ten minutes apart with jitter (roughly 70 minutes in all), with its original timestamp, so the
    /// default window covers every retry; replays inside it are caught by the webhook id.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "7.00:00:00")]
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Pipeline stage ids (<c>pipelineStageId</c>) that mean "under contract"; every other open stage is "open".</summary>
    public List<string> UnderContractStageIds { get; set; } = [];

    /// <summary>The lead source contacts are stored under (natural key: source + contact id).</summary>
    [Required]
    [MaxLength(100)]
    public string LeadSource { get; set; } = "gohighlevel";
}
