using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>
/// Validates the JWT on an inbound activity as the Bot Framework authentication spec requires: issuer is the Bot
/// Framework (or the Emulator's Azure AD tenants), signature by a key from that issuer's OpenID metadata (cached,
/// refreshed when an unknown key shows up), audience is our app id, not expired, and for channel tokens the
/// <c>serviceurl</c> claim equals the activity's serviceUrl, so a stolen token cannot redirect our replies.
/// </summary>
public sealed class BotAuthenticator
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    // The Emulator signs with Azure AD: v1 and v2 issuers of the Bot Framework tenants (public list from the spec).
    private static readonly string[] EmulatorIssuers =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];

    private readonly BotOptions _options;
    private readonly OpenIdMetadataCache _channelMetadata;
    private readonly OpenIdMetadataCache _emulatorMetadata;
    private readonly TrustedServiceUrls _trusted;
    private readonly JsonWebTokenHandler _handler = new();

    public BotAuthenticator(IOptions<BotOptions> options, IHttpClientFactory httpClientFactory, TrustedServiceUrls trusted, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _options = options.Value;
        _trusted = trusted;
        _channelMetadata = CreateCache(_options.OpenIdMetadataUrl, httpClientFactory, time);
        _emulatorMetadata = CreateCache(_options.EmulatorOpenIdMetadataUrl, httpClientFactory, time);
    }

    public async Task<BotAuthResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!_options.AuthenticationEnabled)
        {
            return BotAuthResult.Anonymous;
        }

        if (string.IsNullOrWhiteSpace(authorizationHeader) || !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthResult.Fail("missing bearer token");
        }

        var token = authorizationHeader["Bearer ".Length..].Trim();
        string issuer;
        try
        {
            issuer = _handler.ReadJsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            return BotAuthResult.Fail("malformed token");
        }

        var fromChannel = issuer == BotFrameworkIssuer;
        var fromEmulator = EmulatorIssuers.Contains(issuer, StringComparer.Ordinal);
        if (!fromChannel && !fromEmulator)
        {
            return BotAuthResult.Fail("untrusted issuer");
        }

        var manager = fromChannel ? _channelMetadata : _emulatorMetadata;
        var validation = await ValidateAsync(token, manager, fromChannel ? [BotFrameworkIssuer] : EmulatorIssuers, cancellationToken);
        if (!validation.IsValid)
        {
            return BotAuthResult.Fail(validation.Exception?.GetType().Name ?? "invalid token");
        }

        var identity = validation.ClaimsIdentity;
        if (fromChannel)
        {
            var serviceUrl = identity.FindFirst("serviceurl")?.Value;
            if (serviceUrl is null || !TrustedServiceUrls.SameUrl(serviceUrl, activity.ServiceUrl))
            {
                return BotAuthResult.Fail("serviceurl claim does not match the activity");
            }

            if (!IsEndorsedFor(validation.SecurityToken, activity.ChannelId))
            {
                return BotAuthResult.Fail("signing key is not endorsed for this channel");
            }
        }
        else
        {
            // These tokens name the calling app in appid (v1) or azp (v2): this bot itself (the Emulator uses the bot's
            // own credentials) or a bot explicitly allowed to call us as a skill.
            var caller = identity.FindFirst("appid")?.Value ?? identity.FindFirst("azp")?.Value;
            var allowed = string.Equals(caller, _options.MicrosoftAppId, StringComparison.Ordinal)
                          || (caller is not null && _options.AllowedCallers.Contains(caller, StringComparer.OrdinalIgnoreCase));
            if (!allowed)
            {
                return BotAuthResult.Fail("token was issued to an app that is not an allowed caller");
            }
        }

        if (!string.IsNullOrEmpty(activity.ServiceUrl))
        {
            _trusted.Trust(activity.ServiceUrl);
        }

        return BotAuthResult.Success(identity);
    }

    private async Task<TokenValidationResult> ValidateAsync(
        string token, OpenIdMetadataCache manager, string[] issuers, CancellationToken cancellationToken)
    {
        var result = await ValidateWithCurrentKeysAsync(token, manager, issuers, keyMissing: false, cancellationToken);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys roll over: an unknown kid means fetch the metadata again (rate-limited) and retry once.
            result = await ValidateWithCurrentKeysAsync(token, manager, issuers, keyMissing: true, cancellationToken);
        }

        return result;
    }

    private async Task<TokenValidationResult> ValidateWithCurrentKeysAsync(
        string token, OpenIdMetadataCache manager, string[] issuers, bool keyMissing, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await manager.GetAsync(keyMissing, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or HttpRequestException)
        {
            return new TokenValidationResult { IsValid = false, Exception = ex };
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudience = _options.MicrosoftAppId,
            IssuerSigningKeys = configuration.SigningKeys,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            TryAllIssuerSigningKeys = false,
        };
        return await _handler.ValidateTokenAsync(token, parameters);
    }

    /// <summary>Bot Framework keys list the channels they may sign for; a key with endorsements must name this channel.</summary>
    private static bool IsEndorsedFor(SecurityToken token, string? channelId)
    {
        if (token.SigningKey is not JsonWebKey key || !key.AdditionalData.TryGetValue("endorsements", out var raw) || raw is null)
        {
            return true;
        }

        var endorsements = raw switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } element => element.EnumerateArray().Select(e => e.GetString()).ToList(),
            IEnumerable<object> list => list.Select(o => o?.ToString()).ToList(),
            _ => [],
        };
        return endorsements.Count == 0 || endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase);
    }

    private OpenIdMetadataCache CreateCache(Uri metadata, IHttpClientFactory httpClientFactory, TimeProvider time)
    {
        // Plain http is allowed only for loopback metadata (tests serve their own); anything remote must be https.
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(nameof(BotAuthenticator))) { RequireHttps = !metadata.IsLoopback };
        return new OpenIdMetadataCache(metadata, retriever, time, _options.MetadataRefreshInterval);
    }
}

public sealed record BotAuthResult(bool IsAuthenticated, bool IsAnonymous, string? FailureReason, ClaimsIdentity? Identity)
{
    public static readonly BotAuthResult Anonymous = new(true, true, null, null);

    public static BotAuthResult Success(ClaimsIdentity identity) => new(true, false, null, identity);

    public static BotAuthResult Fail(string reason) => new(false, false, reason, null);
}
