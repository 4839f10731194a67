namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// The OpenAI-compatible server the variants' LLM mode writes with: the same <c>Copilot</c> section the agent reads
/// (<c>Provider=openai</c>, <c>Endpoint</c>, <c>Model</c>, <c>ApiKey</c>), so one configuration turns on both.
/// The agent validates the section on start.
/// </summary>
public sealed class VariantLlmOptions
{
    public const string SectionName = "Copilot";

    public string Provider { get; set; } = "local";
    public Uri? Endpoint { get; set; }
    public string? Model { get; set; }
    public string? ApiKey { get; set; }

    public bool IsConfigured => string.Equals(Provider, "openai", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(Model);

    /// <summary>OpenAI's own API when no endpoint is set, as in the agent.</summary>
    public Uri BaseAddress => Endpoint ?? new Uri("https://api.openai.com/v1/");
}
