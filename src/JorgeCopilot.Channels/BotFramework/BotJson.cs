using System.Text.Json;
using System.Text.Json.Serialization;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>The one JSON shape of the protocol: camelCase, nulls omitted, case-insensitive and lenient on read.</summary>
internal static class BotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };
}
