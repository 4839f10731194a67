using System.Security.Cryptography;
using System.Text;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>
/// How a turn's conversation is named in logs: the id as the channel sent it, except where channels build it from a
/// phone number (SMS), which is personal data; those are logged as a short hash that still groups one conversation's lines.
/// </summary>
internal static class TurnLog
{
    private static readonly string[] PhoneChannels = ["sms", "acs_sms", "acssms", "twilio-sms"];

    public static string ConversationId(Activity activity)
    {
        var id = activity.Conversation?.Id ?? "(none)";
        if (activity.ChannelId is { } channel && PhoneChannels.Contains(channel, StringComparer.OrdinalIgnoreCase))
        {
            return "hash-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..16];
        }

        return id.Length <= 200 ? id : id[..200];
    }
}
