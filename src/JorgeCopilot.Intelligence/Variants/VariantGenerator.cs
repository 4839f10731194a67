using JorgeCopilot.Core.Sms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// Offline generation: the strategy's templates filled from the cleaned lead profile. The tone rotates with the lead
/// so a lead does not get the same wording twice in a row; a rendering that is too long for the SMS budget or still
/// shows a placeholder is never returned.
/// </summary>
public sealed partial class VariantGenerator(VariantTemplates templates, IOptions<VariantsOptions> options, ILogger<VariantGenerator> logger)
{
    public const string AgentName = "Jorge";

    public GeneratedVariant? Generate(string strategy, LeadProfile profile, string goal, int rotation)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var candidates = templates.For(strategy);
        var values = profile.Values(goal, AgentName);
        for (var i = 0; i < candidates.Count; i++)
        {
            var template = candidates[(Math.Abs(rotation) + i) % candidates.Count];
            var text = VariantTemplates.Render(template, values);
            if (text.Contains("{{", StringComparison.Ordinal) || text.Contains("}}", StringComparison.Ordinal))
            {
                LogLeak(strategy, template.Tone);
                continue;
            }

            var segments = SmsSegments.Count(text);
            if (segments <= options.Value.MaxSmsSegments)
            {
                return new GeneratedVariant(strategy, template.Tone, text, segments);
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Variant template {Strategy}/{Tone} rendered with a placeholder left; skipped")]
    private partial void LogLeak(string strategy, string tone);
}
