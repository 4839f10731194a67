namespace JorgeCopilot.Agent.Rendering;

/// <summary>Picks the renderer for a channel: SMS channels get SMS text, a channel with a renderer of its own name gets that (text, msteams), everything else Markdown.</summary>
public sealed class AnswerRenderers(IEnumerable<IAnswerRenderer> renderers)
{
    private readonly Dictionary<string, IAnswerRenderer> _byFormat = renderers.GroupBy(r => r.Format, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);

    public IAnswerRenderer ForChannel(string? channel) => channel?.ToLowerInvariant() switch
    {
        "sms" or "twilio" or "telnyx" => _byFormat["sms"],
        var c when c is not null && _byFormat.TryGetValue(c, out var own) => own,
        _ => _byFormat["markdown"],
    };
}
