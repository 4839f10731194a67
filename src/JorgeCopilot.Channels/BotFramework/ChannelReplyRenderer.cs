using System.Text.Json.Nodes;
using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Channels.Sms;
using JorgeCopilot.Channels.Teams;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>
/// One answer, three shapes, from the agent's one rendering pipeline: an Adaptive Card for Teams, the SMS text within the
/// segment budget for SMS channels, the escaped Markdown of the chat API with the answer's follow-ups as suggested-action
/// buttons for everything else (Web Chat, Emulator, skills). An <c>expectReplies</c> caller also gets the tool's result as
/// the reply's <c>value</c>.
/// </summary>
public sealed class ChannelReplyRenderer(IOptions<SmsOptions> sms, IOptions<BotOptions> bot, MarkdownAnswerRenderer markdown)
{
    public const string TeamsChannelId = "msteams";

    public Activity Render(Activity inbound, StructuredAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(answer);
        var reply = inbound.CreateReply();
        // A bot asking synchronously reads the result itself (ids, exact figures), not only the text meant for people.
        if (inbound.ExpectsReplies && answer.Data is { } data)
        {
            reply.Value = JsonNode.Parse(data.GetRawText());
        }

        if (string.Equals(inbound.ChannelId, TeamsChannelId, StringComparison.OrdinalIgnoreCase))
        {
            reply.Summary = answer.Text;
            reply.Attachments = [new Attachment { ContentType = AdaptiveCardBuilder.ContentType, Content = TeamsAnswerCards.Render(answer, bot.Value.PublicBaseUrl) }];
            return reply;
        }

        if (sms.Value.IsSmsChannel(inbound.ChannelId))
        {
            reply.Text = SmsAnswerRenderer.Render(answer, sms.Value.MaxSegments);
            reply.TextFormat = "plain";
            return reply;
        }

        reply.Text = markdown.Render(answer);
        reply.TextFormat = "markdown";
        if (answer.Actions.Count > 0)
        {
            reply.SuggestedActions = new SuggestedActions
            {
                Actions = [.. answer.Actions.Select(a => new CardAction { Type = "imBack", Title = a.Title, Value = JsonValue.Create(a.Text) })],
            };
        }

        return reply;
    }
}
