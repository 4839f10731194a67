using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>
/// One issuer's OpenID metadata and signing keys, cached. Refreshed every 12 hours, and on demand when a token names
/// a key we do not have (keys roll over) — but at most once per <c>minRefreshInterval</c>, so forged tokens with random
/// key ids cannot make us hammer the metadata endpoint. The refresh is awaited (unlike ConfigurationManager's
/// background refresh), so the token that revealed the new key is itself validated with it.
/// </summary>
public sealed class OpenIdMetadataCache(Uri metadataUrl, IDocumentRetriever retriever, TimeProvider time, TimeSpan minRefreshInterval)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(12);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private OpenIdConnectConfiguration? _current;
    private DateTimeOffset _fetchedAt;

    public async Task<OpenIdConnectConfiguration> GetAsync(bool keyMissing, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_current is not null && now - _fetchedAt < MaxAge && (!keyMissing || now - _fetchedAt < minRefreshInterval))
        {
            return _current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            now = time.GetUtcNow();
            var stale = _current is null || now - _fetchedAt >= MaxAge || (keyMissing && now - _fetchedAt >= minRefreshInterval);
            if (!stale)
            {
                return _current!;
            }

            try
            {
                _current = await OpenIdConnectConfigurationRetriever.GetAsync(metadataUrl.AbsoluteUri, retriever, cancellationToken);
                _fetchedAt = now;
            }
            catch (Exception ex) when (_current is not null && ex is IOException or HttpRequestException or InvalidOperationException)
            {
                // Metadata endpoint briefly down: keep validating with the keys we have rather than rejecting everyone.
                _fetchedAt = now;
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }
}
