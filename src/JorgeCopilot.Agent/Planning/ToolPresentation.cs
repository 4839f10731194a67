using System.Reflection;
using JorgeCopilot.Intelligence.Capabilities;

namespace JorgeCopilot.Agent.Planning;

/// <summary>
/// What a capability declared on one of its functions (<see cref="AnswerAttribute"/>, <see cref="FollowUpAttribute"/>,
/// <see cref="NeedsOneOfAttribute"/>), read once from the method the kernel function wraps. Tools that declare
/// nothing (an LLM-only function, a plugin from elsewhere) get a kind derived from their name and no extras.
/// </summary>
public sealed record ToolPresentation(
    string Kind,
    string? Title,
    int HeadlineFigures,
    string? TableTitle,
    string? ItemFunction,
    IReadOnlyList<(string Title, string Text)> FollowUps,
    IReadOnlyList<string> NeedsOneOf,
    string? AskWhenMissing)
{
    /// <summary>
    /// Names (as <see cref="ParameterNames.Canonical"/> writes them) of the result properties the capability declared as
    /// dollars (<see cref="AnswerAttribute.Money"/>).
    /// </summary>
    public IReadOnlySet<string> Money { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Canonical names of the result properties declared as fractions shown as percentages.</summary>
    public IReadOnlySet<string> Fractions { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public static ToolPresentation For(string function, MethodInfo? method)
    {
        ArgumentNullException.ThrowIfNull(function);
        var answer = method?.GetCustomAttribute<AnswerAttribute>();
        var needs = method?.GetCustomAttribute<NeedsOneOfAttribute>();
        var followUps = method?.GetCustomAttributes<FollowUpAttribute>().Select(f => (f.Title, f.Text)).ToList() ?? [];
        return new ToolPresentation(
            answer?.Kind ?? function.Replace('_', '-'),
            answer?.Title,
            answer?.HeadlineFigures ?? 0,
            answer?.TableTitle,
            answer?.ItemFunction,
            followUps,
            needs?.Parameters ?? [],
            needs?.Ask)
        {
            Money = (answer?.Money ?? []).Select(ParameterNames.Canonical).ToHashSet(StringComparer.Ordinal),
            Fractions = (answer?.Fractions ?? []).Select(ParameterNames.Canonical).ToHashSet(StringComparer.Ordinal),
        };
    }
}
