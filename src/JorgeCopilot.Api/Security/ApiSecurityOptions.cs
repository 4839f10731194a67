using System.ComponentModel.DataAnnotations;

namespace JorgeCopilot.Api.Security;

/// <summary>API keys, rate limits and request size limits for <c>/api/v1</c> (section <c>ApiSecurity</c>).</summary>
public sealed class ApiSecurityOptions
{
    public const string SectionName = "ApiSecurity";

    /// <summary>The header an API key travels in.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>Sustained requests per second one key may make (a token bucket refilled every second).</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>How many requests one key may make at once above the sustained rate.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 200;

    /// <summary>Largest request body an endpoint accepts unless it declares its own limit (uploads do).</summary>
    [Range(1024, 1L << 30)]
    public long MaxRequestBodyBytes { get; set; } = 1L << 20;

    /// <summary>
    /// Where the embedded default's first start writes the local user's key. Unset: <c>api-key</c> beside the
    /// embedded store, in the user's data folder.
    /// </summary>
    public string? LocalKeyFile { get; set; }
}
