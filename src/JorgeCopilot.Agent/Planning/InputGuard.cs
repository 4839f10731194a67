using System.Text.RegularExpressions;

namespace JorgeCopilot.Agent.Planning;

/// <summary>
/// Messages that try to steer the planner (prompt injection, requests for secrets, markup) are refused before any
/// intent is read: the offline planner has no instructions to override, but it must not act on such a message either.
/// </summary>
public static partial class InputGuard
{
    public static bool IsInjection(string text) => Injection().IsMatch(text);

    [GeneratedRegex(@"\b(ignore|disregard|forget|override)\b.{0,40}\b(instruction|instructions|rules|prompt|prompts|guidelines|directions)\b|\bsystem\s+prompt\b|\byou\s+are\s+now\b|\bjailbreak\b|\bdeveloper\s+mode\b|\b(reveal|print|show|dump|leak)\b.{0,30}\b(api\s*key|password|secret|credentials|connection\s+string|instructions|prompt)\b|\bdrop\s+table\b|<\s*script", RegexOptions.IgnoreCase)]
    private static partial Regex Injection();
}
