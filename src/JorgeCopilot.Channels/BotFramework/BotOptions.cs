namespace JorgeCopilot.Channels.BotFramework;

/// <summary>
/// Bot Framework settings (section <c>Bot</c>). With no <see cref="MicrosoftAppId"/> the messaging endpoint accepts
/// anonymous calls (local emulator, tests) and says so on start; with one, every inbound call needs a valid JWT.
/// </summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The bot's Azure app registration id; the audience inbound tokens must carry.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Client secret for outbound client-credentials tokens (from environment or user-secrets, never git).</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Tenant that issues outbound tokens: <c>botframework.com</c> for multi-tenant bots, the tenant id otherwise.</summary>
    public string MicrosoftAppTenantId { get; set; } = "botframework.com";

    public Uri LoginAuthority { get; set; } = new("https://login.microsoftonline.com/");

    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>OpenID metadata whose keys sign tokens from Bot Framework channels.</summary>
    public Uri OpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    /// <summary>OpenID metadata whose keys sign tokens from the Bot Framework Emulator.</summary>
    public Uri EmulatorOpenIdMetadataUrl { get; set; } = new("https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration");

    /// <summary>Shortest time between two forced metadata refreshes (an unknown signing key triggers one).</summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The host's public https address (what the bot registration's messaging endpoint points at, without the path).
    /// Teams cards link their charts under it (<c>/charts/...</c>); unset, a chart's latest points are shown as a table.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>A turn taking longer than this shows a typing indicator.</summary>
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Typing indicators fade after ~3 s in Teams and Web Chat; resend at this interval while the turn runs.</summary>
    public TimeSpan TypingInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Parallel turn workers; each conversation always lands on the same worker, so its turns stay in order.</summary>
    public int Workers { get; set; } = 8;

    /// <summary>
    /// App ids of other bots (Jorge's Seller Bot, Lead Bot) allowed to call this one as a skill. Their tokens come from
    /// the Bot Framework tenants like the Emulator's, naming the caller in <c>appid</c>/<c>azp</c>; any other caller is refused.
    /// </summary>
    public List<string> AllowedCallers { get; set; } = [];

    /// <summary>How long inbound activity receipts (dedupe) are kept; channels redeliver within minutes, not days.</summary>
    public TimeSpan ReceiptRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Without an app id (anonymous mode) replies go only to loopback serviceUrls and to these (e.g. a Web Chat or
    /// emulator relay you run); any other serviceUrl is refused with 400, so an anonymous caller cannot make the bot
    /// POST to an address of its choosing.
    /// </summary>
    public List<string> AllowedServiceUrls { get; set; } = [];

    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
