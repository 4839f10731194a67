using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>
/// Client-credentials tokens from Microsoft Entra ID via MSAL. One confidential client app for the process, so
/// MSAL's in-memory app token cache serves every reply until shortly before expiry.
/// </summary>
public sealed class MsalBotTokenProvider : IBotTokenProvider
{
    private readonly IConfidentialClientApplication? _app;
    private readonly string[] _scopes;

    public MsalBotTokenProvider(IOptions<BotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _scopes = [o.OAuthScope];
        if (o.AuthenticationEnabled)
        {
            _app = ConfidentialClientApplicationBuilder.Create(o.MicrosoftAppId)
                .WithClientSecret(o.MicrosoftAppPassword)
                .WithAuthority(new Uri(o.LoginAuthority, o.MicrosoftAppTenantId).AbsoluteUri)
                .Build();
        }
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_app is null)
        {
            return null;
        }

        var result = await _app.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }
}
