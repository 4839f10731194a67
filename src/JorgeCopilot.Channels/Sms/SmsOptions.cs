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

    /// <summary>
    /// Jorge's own numbers (E.164, e.g. +12065550100): the only senders that get answers, and where alerts go. Anyone
    /// else who texts in gets nothing (STOP/START/HELP excepted: fixed texts carriers require, with no data in them).
    /// Empty: nobody gets answers.
    /// </summary>
    public List<string> AllowedSenders { get; set; } = [];

    /// <summary>Twilio account SID for outbound texts (with <see cref="AuthToken"/> and <see cref="FromNumber"/>).</summary>
    public string? AccountSid { get; set; }

    /// <summary>The Twilio number outbound texts come from.</summary>
    public string? FromNumber { get; set; }

    /// <summary>
    /// Where Twilio's REST client sends its requests instead of https://api.twilio.com (a local Twilio-compatible stub
    /// in tests or a relay). Unset in production.
    /// </summary>
    public Uri? ApiBaseUrl { get; set; }

    public bool CanSend => !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken) && !string.IsNullOrWhiteSpace(FromNumber);

    public bool IsAllowedSender(string? phoneNumber) =>
        phoneNumber is not null && AllowedSenders.Any(a => SmsOptOutStore.Normalize(a) == SmsOptOutStore.Normalize(phoneNumber));

    /// <summary>Bot Framework channel ids that are SMS (Azure Bot Service's Twilio and Azure Communication Services channels).</summary>
    public List<string> ChannelIds { get; set; } = ["sms", "acs_sms", "acssms", "twilio-sms"];

    /// <summary>Carriers bill per segment; answers are cut to fit this many.</summary>
    public int MaxSegments { get; set; } = 3;

    public string ServiceName { get; set; } = "Jorge Copilot";

    public bool IsSmsChannel(string? channelId) =>
        channelId is not null && ChannelIds.Contains(channelId, StringComparer.OrdinalIgnoreCase);
}
