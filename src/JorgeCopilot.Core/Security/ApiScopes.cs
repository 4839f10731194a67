namespace JorgeCopilot.Core.Security;

/// <summary>
/// What an API key may do. <c>read</c>: every GET under /api/v1 and chat. <c>write</c>: everything <c>read</c> may, plus
/// the changes (outcomes, imports, alerts). <c>bot</c>: what Jorge's bots need and nothing else: chat and outcomes.
/// </summary>
public static class ApiScopes
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Bot = "bot";

    /// <summary>The claim type an authenticated key's scopes are carried in.</summary>
    public const string ClaimType = "scope";

    public static readonly IReadOnlyList<string> All = [Read, Write, Bot];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);

    /// <summary>True when a key holding <paramref name="granted"/> may call an endpoint that accepts any of <paramref name="accepted"/>.</summary>
    public static bool Allows(IEnumerable<string> granted, IReadOnlyCollection<string> accepted)
    {
        ArgumentNullException.ThrowIfNull(granted);
        ArgumentNullException.ThrowIfNull(accepted);
        // write implies read: a key that may change data may also see it.
        return granted.Any(g => accepted.Contains(g) || (g == Write && accepted.Contains(Read)));
    }
}

/// <summary>
/// Endpoint metadata naming the scopes that may call it, for endpoints that differ from the default (GET needs
/// <c>read</c>, any other method <c>write</c>). Add with <c>.WithMetadata(new RequiresApiScope(ApiScopes.Bot, ApiScopes.Read))</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequiresApiScopeAttribute(params string[] scopes) : Attribute
{
    public IReadOnlyList<string> Scopes { get; } = scopes;
}
