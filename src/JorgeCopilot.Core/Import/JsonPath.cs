using System.Globalization;
using System.Text.Json;

namespace JorgeCopilot.Core.Import;

/// <summary>Dotted paths into a JSON element: <c>participant_info.mturk_agent_1.outcomes.points_scored</c>, <c>chat_logs[-1].text</c>.</summary>
internal static class JsonPath
{
    public static bool TryResolve(JsonElement root, string path, out JsonElement result)
    {
        result = root;
        if (string.IsNullOrEmpty(path))
        {
            return true;
        }

        foreach (var segment in path.Split('.'))
        {
            var name = segment;
            int? index = null;
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0 && segment.EndsWith(']'))
            {
                name = segment[..bracket];
                index = int.Parse(segment[(bracket + 1)..^1], CultureInfo.InvariantCulture);
            }

            if (name.Length > 0)
            {
                if (result.ValueKind != JsonValueKind.Object || !result.TryGetProperty(name, out result))
                {
                    return false;
                }
            }

            if (index is { } i)
            {
                if (result.ValueKind != JsonValueKind.Array)
                {
                    return false;
                }

                var length = result.GetArrayLength();
                var at = i < 0 ? length + i : i;
                if (at < 0 || at >= length)
                {
                    return false;
                }

                result = result[at];
            }
        }

        return true;
    }

    public static string? AsText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => element.GetRawText(),
    };
}
