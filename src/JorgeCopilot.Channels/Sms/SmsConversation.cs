using System.Security.Cryptography;
using System.Text;
using JorgeCopilot.Agent;
using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Channels.BotFramework;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Channels.Sms;

/// <summary>
/// One SMS turn, shared by the Twilio webhook and Bot Framework SMS channels: compliance keywords first, then
/// silence for opted-out numbers, otherwise the copilot's answer formatted for SMS.
/// </summary>
public sealed class SmsConversation(CopilotResolver copilot, SmsOptOutStore optOuts, IOptions<SmsOptions> options, ILogger<SmsConversation> logger)
{
    /// <returns>The text to send back, or null when nothing may be sent.</returns>
    public async Task<string?> HandleAsync(string phoneNumber, string text, string channel, string? conversationId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var kind = SmsKeyword.Classify(text);
        switch (kind)
        {
            case SmsKeywordKind.OptOut:
                await optOuts.OptOutAsync(phoneNumber, channel, text.Trim().ToUpperInvariant(), cancellationToken);
                logger.LogInformation("SMS opt-out recorded on {Channel}", channel);
                return $"{o.ServiceName}: you are unsubscribed and will receive no more messages. Reply START to resubscribe.";
            case SmsKeywordKind.OptIn:
                await optOuts.OptInAsync(phoneNumber, cancellationToken);
                logger.LogInformation("SMS opt-in recorded on {Channel}", channel);
                return $"{o.ServiceName}: you are resubscribed. Reply HELP for help, STOP to unsubscribe.";
            case SmsKeywordKind.Help:
                return $"{o.ServiceName}: ask about your leads, prices or the market, e.g. \"who are my hottest leads?\". Msg&data rates may apply. Reply STOP to unsubscribe.";
        }

        // Answers carry Jorge's data (leads, prices): only his own numbers get them.
        if (!o.IsAllowedSender(phoneNumber))
        {
            logger.LogInformation("SMS on {Channel} from a sender not in Sms:AllowedSenders ignored", channel);
            return null;
        }

        if (await optOuts.IsOptedOutAsync(phoneNumber, cancellationToken))
        {
            logger.LogInformation("SMS from an opted-out number on {Channel} dropped", channel);
            return null;
        }

        var reply = await copilot.AskAsync(
            new CopilotRequest(conversationId ?? ConversationIdFor(phoneNumber), text, "sms", phoneNumber), cancellationToken);
        return SmsAnswerRenderer.Render(reply.Answer, o.MaxSegments);
    }

    /// <summary>A stable dialogue key per number that does not put the number itself into conversation ids and logs.</summary>
    public static string ConversationIdFor(string phoneNumber) =>
        "sms-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SmsOptOutStore.Normalize(phoneNumber))))[..24];
}
