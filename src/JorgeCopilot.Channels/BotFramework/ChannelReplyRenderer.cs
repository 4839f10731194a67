using System.Text;
using System.Text.Json.Nodes;
using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Channels.Sms;
using JorgeCopilot.Channels.Teams;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>
/// One answer, three shapes: an Adaptive Card for Teams, plain text within the segment budget for SMS channels,
/// Markdown with suggested-action buttons for everything else (Web Chat, Emulator, skills).
/// </summary>
public sealed class ChannelReplyRenderer(IOptions<SmsOptions> sms)
{
    public const string TeamsChannelId = "msteams";

    public Activity Render(Activity inbound, StructuredAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(answer);
        var reply = inbound.CreateReply();
        if (string.Equals(inbound.ChannelId, TeamsChannelId, StringComparison.OrdinalIgnoreCase))
        {
            reply.Summary = answer.Text;
            reply.Attachments = [new Attachment { ContentType = AdaptiveCardBuilder.ContentType, Content = TeamsAnswerCards.Render(answer) }];
            return reply;
        }

        if (sms.Value.IsSmsChannel(inbound.ChannelId))
        {
            reply.Text = SmsAnswerRenderer.Render(answer, sms.Value.MaxSegments);
            reply.TextFormat = "plain";
            return reply;
        }

        reply.Text = Markdown(answer);
        reply.TextFormat = "markdown";
        var actions = TeamsAnswerCards.ActionsFor(answer);
        if (actions.Count > 0)
        {
            reply.SuggestedActions = new SuggestedActions
            {
                Actions = [.. actions.Select(a => new CardAction { Type = "imBack", Title = a.Title, Value = JsonValue.Create(a.Text) })],
            };
        }

        return reply;
    }

    public static string Markdown(StructuredAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = new StringBuilder(answer.Text);
        if (answer.Facts.Count > 0)
        {
            text.Append("\n\n");
            foreach (var fact in answer.Facts)
            {
                text.Append("- **").Append(fact.Label).Append(":** ").Append(fact.Value).Append('\n');
            }
        }

        if (answer.Table is { Columns.Count: > 0 } table)
        {
            text.Append("\n| ").Append(string.Join(" | ", table.Columns)).Append(" |\n|");
            text.Append(string.Concat(Enumerable.Repeat(" --- |", table.Columns.Count))).Append('\n');
            foreach (var row in table.Rows)
            {
                text.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
            }
        }

        return text.ToString().TrimEnd();
    }
}
