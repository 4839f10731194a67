using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Core.Security;

/// <summary>
/// Creates, lists, revokes and verifies API keys. Verification is cached for a few seconds (every request needs it and
/// the answer rarely changes); a revocation in this process takes effect at once, in another replica within
/// <see cref="CacheLifetime"/>. Last use is written at most once a minute per key, so a busy key does not turn reads into writes.
/// </summary>
public sealed class ApiKeyStore(IDbContextFactory<JorgeDbContext> contexts, TimeProvider time)
{
    public const string KeyPrefix = "jorge_";
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, CachedKey> _cache = new(StringComparer.Ordinal);

    public async Task<CreatedApiKey> CreateAsync(string name, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(scopes);
        if (scopes.Count == 0 || scopes.Any(s => !ApiScopes.IsKnown(s)))
        {
            throw new ArgumentException($"Scopes must be one or more of {string.Join(", ", ApiScopes.All)}.", nameof(scopes));
        }

        var secret = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var entity = new ApiKey
        {
            Name = name.Length <= 100 ? name : name[..100],
            Prefix = secret[..(KeyPrefix.Length + 6)],
            Hash = HashOf(secret),
            Scopes = string.Join(' ', scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(ApiKeyInfo.From(entity), secret);
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken);
        return [.. keys.Select(ApiKeyInfo.From)];
    }

    public async Task<bool> AnyActiveAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AnyAsync(k => k.RevokedAt == null, cancellationToken);
    }

    /// <returns>False when no active key has that id.</returns>
    public async Task<bool> RevokeAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.RevokedAt == null, cancellationToken);
        if (key is null)
        {
            return false;
        }

        key.RevokedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        _cache.TryRemove(key.Hash, out _);
        return true;
    }

    /// <returns>The active key <paramref name="secret"/> is, or null (unknown, malformed or revoked).</returns>
    public async Task<ApiKeyInfo?> VerifyAsync(string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret) || !secret.StartsWith(KeyPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }

        var hash = HashOf(secret.Trim());
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(hash, out var cached) && cached.Until > now)
        {
            await TouchAsync(cached, now, cancellationToken);
            return cached.Key;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, cancellationToken);
        if (entity is null)
        {
            _cache.TryRemove(hash, out _);
            return null;
        }

        var entry = new CachedKey(ApiKeyInfo.From(entity), now + CacheLifetime) { LastTouched = entity.LastUsedAt is { } used ? new DateTimeOffset(used, TimeSpan.Zero) : DateTimeOffset.MinValue };
        _cache[hash] = entry;
        await TouchAsync(entry, now, cancellationToken);
        return entry.Key;
    }

    private async Task TouchAsync(CachedKey entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var last = entry.LastTouched;
        if (now - last < LastUseResolution)
        {
            return;
        }

        entry.LastTouched = now;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var at = now.UtcDateTime;
        await db.ApiKeys.Where(k => k.Id == entry.Key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, at), cancellationToken);
    }

    internal static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record CachedKey(ApiKeyInfo Key, DateTimeOffset Until)
    {
        public DateTimeOffset LastTouched { get; set; }
    }
}

/// <summary>A key as it may be shown: never the secret or its hash.</summary>
public sealed record ApiKeyInfo(long Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public static ApiKeyInfo From(ApiKey k)
    {
        ArgumentNullException.ThrowIfNull(k);
        return new(k.Id, k.Name, k.Prefix, k.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), k.CreatedAt, k.LastUsedAt, k.RevokedAt);
    }
}

/// <summary>A new key: the secret is shown once, here, and never stored.</summary>
public sealed record CreatedApiKey(ApiKeyInfo Key, string Secret);
