using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JorgeCopilot.Channels.BotFramework;

namespace JorgeCopilot.Channels.Teams;

/// <summary>
/// Teams puts "&lt;at&gt;Jorge Copilot&lt;/at&gt;" into the text when the bot is @mentioned in a channel or group chat.
/// The bot's own mention is removed (it is addressing, not content); other people's mentions keep their name.
/// </summary>
public static partial class MentionStripper
{
    public static string Strip(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? "";
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity["type"]?.GetValue<string>(), "mention", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var mentionText = (entity["text"] as JsonValue)?.GetValue<string>();
            var mentionedId = (entity["mentioned"]?["id"] as JsonValue)?.GetValue<string>();
            if (!string.IsNullOrEmpty(mentionText) && mentionedId is not null && mentionedId == activity.Recipient?.Id)
            {
                text = text.Replace(mentionText, " ", StringComparison.Ordinal);
            }
        }

        // Any remaining mention markup (another person, or an entity-less client) keeps just the name.
        text = AtTag().Replace(text, m => m.Groups["name"].Value);
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex("<at>(?<name>.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
