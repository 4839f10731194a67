using System.Collections.Concurrent;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>
/// serviceUrls that arrived on an authenticated activity. Our bearer token is only ever attached to calls to these,
/// so a forged activity cannot make the bot hand its token to someone else's server. Replies are sent by the process
/// that validated the activity, so in-process memory is enough here (unlike dedupe, which must be shared).
/// </summary>
public sealed class TrustedServiceUrls(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _urls = new(StringComparer.Ordinal);

    public void Trust(string serviceUrl) => _urls[Normalize(serviceUrl)] = time.GetUtcNow() + Lifetime;

    public bool IsTrusted(string? serviceUrl) =>
        !string.IsNullOrEmpty(serviceUrl) && _urls.TryGetValue(Normalize(serviceUrl), out var until) && until > time.GetUtcNow();

    public static bool SameUrl(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    internal static string Normalize(string url)
    {
        if (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath.TrimEnd('/')}".ToLowerInvariant();
        }

        return url.Trim().TrimEnd('/').ToLowerInvariant();
    }
}
