using Microsoft.Extensions.Options;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>
/// Which serviceUrls the bot may call back. Always an absolute http(s) URL (anything else would only fail later, in a
/// reply worker). Without an app id nobody is authenticated, so only loopback and configured URLs: otherwise any caller
/// could make the bot POST wherever it likes. With an app id the token's <c>serviceurl</c> claim pins the URL instead.
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<BotOptions> options)
{
    /// <returns>Null when the bot may reply to <paramref name="serviceUrl"/>; otherwise why not (safe to show the caller).</returns>
    public string? Check(string? serviceUrl)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl))
        {
            return "The activity has no serviceUrl to reply to.";
        }

        if (!Uri.TryCreate(serviceUrl.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            return "serviceUrl must be an absolute http or https URL.";
        }

        var o = options.Value;
        if (o.AuthenticationEnabled || uri.IsLoopback)
        {
            return null;
        }

        return o.AllowedServiceUrls.Any(allowed => TrustedServiceUrls.SameUrl(allowed, serviceUrl))
            ? null
            : "Without Bot:MicrosoftAppId the bot replies only to loopback serviceUrls or those listed in Bot:AllowedServiceUrls.";
    }

    /// <summary>A malformed serviceUrl is refused even where no reply is sent to it (expectReplies, invoke).</summary>
    public static bool IsWellFormedOrAbsent(string? serviceUrl) =>
        string.IsNullOrWhiteSpace(serviceUrl)
        || (Uri.TryCreate(serviceUrl.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
}
