using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace JorgeCopilot.Agent.Rendering;

/// <summary>
/// "Never state a number no tool returned": every number in an answer must match a number in the tool results or
/// the call's arguments, up to the rounding the answer shows ("$540,000" matches 540012.4; "72.3%" matches 72.31, and
/// 0.7231 too: a percentage may show a fraction the tool returned).
/// </summary>
public static partial class Groundedness
{
    public static IReadOnlyList<string> UngroundedNumbers(string answer, IEnumerable<string> sourceTexts)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(sourceTexts);
        var allowed = sourceTexts.SelectMany(NumbersIn).Select(n => n.Value).ToList();
        return NumbersIn(answer)
            .Where(n => !allowed.Any(a => Math.Abs(a - n.Value) <= n.Tolerance || Math.Abs(Math.Round(a) - n.Value) <= n.Tolerance
                || (IsPercent(answer, n.End) && Math.Abs((a * 100) - n.Value) <= n.Tolerance)))
            .Select(n => n.Text)
            .ToList();
    }

    public static bool IsGrounded(string answer, IEnumerable<string> sourceTexts) => UngroundedNumbers(answer, sourceTexts).Count == 0;

    /// <summary>Numbers in text or JSON (JSON numbers and numbers inside JSON strings alike), as absolute values.</summary>
    private static bool IsPercent(string answer, int end) => end < answer.Length && answer[end] == '%';

    internal static IEnumerable<(string Text, double Value, double Tolerance, int End)> NumbersIn(string text)
    {
        foreach (Match m in Number().Matches(text))
        {
            var raw = m.Value.Replace(",", "", StringComparison.Ordinal);
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var dot = raw.IndexOf('.', StringComparison.Ordinal);
            var decimals = dot < 0 ? 0 : raw.Length - dot - 1;
            // N0-formatted large values were rounded to the unit; shown decimals bound the rounding error.
            var tolerance = 0.5 * Math.Pow(10, -decimals) + 1e-9;
            var exponent = m.Groups["e"].Success ? m.Groups["e"].Value : null;
            if (exponent is null)
            {
                yield return (m.Value, Math.Abs(value), tolerance, m.Index + m.Length);
            }
            else
            {
                yield return (m.Value, Math.Abs(value), Math.Abs(value) * 1e-9, m.Index + m.Length);
            }
        }
    }

    /// <summary>All the text a tool result contributes (its JSON, numbers in strings included).</summary>
    public static string SourceText(object? result) => AnswerComposer.ToJson(result) is { ValueKind: not JsonValueKind.Undefined } json ? json.GetRawText() : "";

    [GeneratedRegex(@"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])\d+(?:\.\d+)?(?<e>[eE][-+]?\d+)?")]
    private static partial Regex Number();
}
