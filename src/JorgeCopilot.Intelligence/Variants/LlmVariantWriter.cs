using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>What the LLM is given: the strategies drawn (in rank order), the cleaned lead facts, the goal, the lead's last message (untrusted) and the retrieved exemplars.</summary>
public sealed record LlmVariantInput(IReadOnlyList<string> Strategies, LeadProfile Profile, string Goal, string? LeadMessage,
    IReadOnlyDictionary<string, IReadOnlyList<Exemplar>> Exemplars);

/// <summary>One message as the model returned it, before validation.</summary>
public sealed record LlmDraft(string? Strategy, string? Tone, string? Text);

/// <summary>
/// LLM mode of variant generation: one chat-completions call to the configured OpenAI-compatible server with the prompt
/// from <c>prompts/llm/variants.md</c> as the system message and the data (lead facts, the lead's message as a JSON
/// string, the exemplars) as the user message, asking for JSON constrained by a schema. Any failure (not configured,
/// HTTP error, timeout, malformed JSON) returns null and the caller falls back to the templates; the drafts that do come
/// back are validated by <see cref="VariantTextGuard"/> one by one.
/// </summary>
public sealed partial class LlmVariantWriter(HttpClient http, IOptions<VariantLlmOptions> llm, IOptions<VariantsOptions> options,
    ILogger<LlmVariantWriter> logger)
{
    public const string PromptName = "prompts/llm/variants.md";
    private const int MaxLeadMessage = 600;
    private const int MaxExemplarText = 300;
    private static readonly string Prompt = ReadPrompt();

    public bool Enabled => llm.Value.IsConfigured && string.Equals(options.Value.Writer, "auto", StringComparison.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<LlmDraft>?> DraftAsync(LlmVariantInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Enabled || input.Strategies.Count == 0)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.LlmTimeoutSeconds));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(WithSlash(llm.Value.BaseAddress), "chat/completions"))
            {
                Content = JsonContent.Create(RequestBody(input)),
            };
            if (!string.IsNullOrEmpty(llm.Value.ApiKey))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", llm.Value.ApiKey);
            }

            using var response = await http.SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                LogFailed("http_" + (int)response.StatusCode);
                return null;
            }

            var body = await response.Content.ReadFromJsonAsync<JsonObject>(timeout.Token);
            var content = body?["choices"]?[0]?["message"]?["content"]?.GetValue<string>();
            var drafts = content is null ? null : Parse(content);
            if (drafts is null)
            {
                LogFailed("malformed");
            }

            return drafts;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed("timeout");
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or FormatException)
        {
            LogFailed(e.GetType().Name);
            return null;
        }
    }

    /// <summary>The chat-completions body: system prompt, data as JSON, and a strict schema for the answer.</summary>
    public JsonObject RequestBody(LlmVariantInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var values = input.Profile.Values(input.Goal, VariantGenerator.AgentName);
        var system = Prompt
            .Replace("{{agent_name}}", VariantGenerator.AgentName, StringComparison.Ordinal)
            .Replace("{{next_step}}", values["next_step"], StringComparison.Ordinal)
            .Replace("{{max_chars}}", (options.Value.MaxSmsSegments * 153).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var data = new JsonObject
        {
            ["strategies"] = new JsonArray([.. input.Strategies.Select(s => JsonValue.Create(s))]),
            ["goal"] = input.Goal,
            ["lead"] = new JsonObject
            {
                ["first_name"] = input.Profile.FirstName,
                ["area"] = input.Profile.Area,
                ["intent"] = input.Profile.Intent.ToString().ToLowerInvariant(),
            },
            ["lead_message"] = Clip(input.LeadMessage, MaxLeadMessage),
            ["exemplars"] = new JsonObject(input.Strategies.Distinct(StringComparer.Ordinal).Select(s => KeyValuePair.Create(s, (JsonNode?)new JsonArray(
                [.. (input.Exemplars.GetValueOrDefault(s) ?? []).Select(e => (JsonNode)new JsonObject
                {
                    ["they_said"] = Clip(e.Situation, MaxExemplarText),
                    ["winning_reply"] = Clip(e.Text, MaxExemplarText),
                })])))),
        };
        return new JsonObject
        {
            ["model"] = llm.Value.Model,
            ["temperature"] = 0.7,
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = system },
                new JsonObject { ["role"] = "user", ["content"] = data.ToJsonString() }),
            ["response_format"] = new JsonObject
            {
                ["type"] = "json_schema",
                ["json_schema"] = new JsonObject { ["name"] = "variants", ["strict"] = true, ["schema"] = Schema(input.Strategies) },
            },
        };
    }

    /// <summary>The drafts in a model's answer, or null when it is not the asked JSON (code fences around it are tolerated).</summary>
    public static IReadOnlyList<LlmDraft>? Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var json = content.Trim();
        if (json.StartsWith("```", StringComparison.Ordinal))
        {
            var start = json.IndexOf('\n', StringComparison.Ordinal);
            var end = json.LastIndexOf("```", StringComparison.Ordinal);
            json = start > 0 && end > start ? json[start..end] : json;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("variants", out var variants) || variants.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            return variants.EnumerateArray()
                .Where(v => v.ValueKind == JsonValueKind.Object)
                .Select(v => new LlmDraft(Text(v, "strategy"), Text(v, "tone"), Text(v, "text")))
                .ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonObject Schema(IReadOnlyList<string> strategies) => new()
    {
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["required"] = new JsonArray("variants"),
        ["properties"] = new JsonObject
        {
            ["variants"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["required"] = new JsonArray("strategy", "tone", "text"),
                    ["properties"] = new JsonObject
                    {
                        ["strategy"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. strategies.Distinct(StringComparer.Ordinal).Select(s => JsonValue.Create(s))]) },
                        ["tone"] = new JsonObject { ["type"] = "string" },
                        ["text"] = new JsonObject { ["type"] = "string" },
                    },
                },
            },
        },
    };

    private static string? Clip(string? text, int max) => text is null ? null : text.Length > max ? text[..max] : text;

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static string ReadPrompt()
    {
        using var stream = typeof(LlmVariantWriter).Assembly.GetManifestResourceStream(PromptName)
            ?? throw new InvalidOperationException($"{PromptName} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM variant writing failed ({Reason}); the templates answer instead")]
    private partial void LogFailed(string reason);
}
