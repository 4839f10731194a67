namespace JorgeCopilot.Core.Security;

/// <summary>
/// An API key for <c>/api/v1</c>. Only the SHA-256 of the key is stored: the key is 256 random bits, so a plain hash
/// cannot be reversed and needs no salt, and lookup by hash stays one indexed query.
/// </summary>
public sealed class ApiKey
{
    public long Id { get; set; }

    /// <summary>What the key is for, e.g. "seller bot"; shown in <c>jorge apikey list</c>.</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the key, so a person can tell keys apart without the store holding the secret.</summary>
    public required string Prefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string Hash { get; set; }

    /// <summary>Space-separated scopes (<see cref="ApiScopes"/>).</summary>
    public required string Scopes { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
