using Microsoft.Extensions.Options;

namespace JorgeCopilot.Agent;

/// <summary>
/// <c>Copilot</c> section. <see cref="Provider"/> = <c>local</c> (offline planner, the default) or <c>openai</c>
/// (any OpenAI-compatible server: OpenAI, Azure OpenAI, Ollama, vLLM) with <see cref="Endpoint"/>, <see cref="Model"/>
/// and <see cref="ApiKey"/> (from environment variables or user-secrets, never from git).
/// </summary>
public sealed class CopilotOptions
{
    public const string SectionName = "Copilot";
    public const string LocalProvider = "local";
    public const string OpenAIProvider = "openai";

    public string Provider { get; set; } = LocalProvider;
    public Uri? Endpoint { get; set; }
    public string? Model { get; set; }
    public string? ApiKey { get; set; }

    /// <summary>Longest question accepted; longer text gets a clear "too long" answer instead of being processed.</summary>
    public int MaxQuestionLength { get; set; } = 2000;

    /// <summary>Jorge's own market: "and Portland?" means the Portland nearest to it (same state first, then <see cref="NearbyStates"/>).</summary>
    public string HomeMarket { get; set; } = "Seattle, WA";

    /// <summary>States preferred after the home market's own when a place name exists in several (two-letter codes, in order).</summary>
    public IList<string> NearbyStates { get; set; } = ["OR", "ID", "CA", "MT", "NV"];

    public bool IsOpenAI => string.Equals(Provider, OpenAIProvider, StringComparison.OrdinalIgnoreCase);
}

internal sealed class CopilotOptionsValidator : IValidateOptions<CopilotOptions>
{
    public ValidateOptionsResult Validate(string? name, CopilotOptions options)
    {
        var failures = new List<string>();
        if (!string.Equals(options.Provider, CopilotOptions.LocalProvider, StringComparison.OrdinalIgnoreCase) && !options.IsOpenAI)
        {
            failures.Add($"Copilot:Provider must be '{CopilotOptions.LocalProvider}' or '{CopilotOptions.OpenAIProvider}', not '{options.Provider}'.");
        }

        if (options.IsOpenAI)
        {
            if (string.IsNullOrWhiteSpace(options.Model))
            {
                failures.Add("Copilot:Model is required when Copilot:Provider is 'openai'.");
            }

            if (options.Endpoint is { } endpoint && !endpoint.IsAbsoluteUri)
            {
                failures.Add("Copilot:Endpoint must be an absolute URI.");
            }

            if (options.Endpoint is null && string.IsNullOrWhiteSpace(options.ApiKey))
            {
                failures.Add("Copilot:ApiKey is required for api.openai.com (set Copilot:Endpoint for a local server).");
            }
        }

        if (options.MaxQuestionLength is < 50 or > 100_000)
        {
            failures.Add("Copilot:MaxQuestionLength must be between 50 and 100000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
