namespace JorgeCopilot.Channels.Sms;

/// <summary>SMS settings (section <c>Sms</c>).</summary>
public sealed class SmsOptions
{
    public const string SectionName = "Sms";

    /// <summary>Twilio auth token that signs webhook calls (X-Twilio-Signature). Without it <c>/api/sms</c> rejects everything.</summary>
    public string? AuthToken { get; set; }

    /// <summary>
    /// The public base URL the provider calls (e.g. https://jorge.example.com) when the host sits behind a proxy;
    /// the signature covers the URL as the provider saw it. Unset: the request's own scheme and host.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Bot Framework channel ids that are SMS (Azure Bot Service's Twilio and Azure Communication Services channels).</summary>
    public List<string> ChannelIds { get; set; } = ["sms", "acs_sms", "acssms", "twilio-sms"];

    /// <summary>Carriers bill per segment; answers are cut to fit this many.</summary>
    public int MaxSegments { get; set; } = 3;

    public string ServiceName { get; set; } = "Jorge Copilot";

    public bool IsSmsChannel(string? channelId) =>
        channelId is not null && ChannelIds.Contains(channelId, StringComparer.OrdinalIgnoreCase);
}
