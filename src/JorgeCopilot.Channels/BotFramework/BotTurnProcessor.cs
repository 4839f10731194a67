using System.Text.Json.Nodes;
using JorgeCopilot.Agent;
using JorgeCopilot.Channels.Sms;
using JorgeCopilot.Channels.Teams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>
/// What the bot does with each activity type: messages (typed, or a card button's value) go to the copilot with
/// the conversation id as dialogue key; <c>adaptiveCard/action</c> invokes answer with a card in the invoke
/// response; new members get a greeting; typing and endOfConversation need nothing. Every failure goes to the
/// one <see cref="TurnErrorHandler"/>.
/// </summary>
public sealed class BotTurnProcessor(
    CopilotResolver copilot,
    SmsConversation smsConversation,
    ChannelReplyRenderer renderer,
    TurnErrorHandler errors,
    IOptions<BotOptions> botOptions,
    IOptions<SmsOptions> smsOptions,
    TimeProvider time,
    ILogger<BotTurnProcessor> logger)
{
    public const string Greeting = "Hi, I'm Jorge's copilot. Ask me for your hottest leads, a lead's score, a price estimate or the market outlook.";

    /// <returns>The invoke response for invoke activities; null for everything else.</returns>
    public async Task<InvokeResponseBody?> ProcessAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        try
        {
            if (activity.IsType(ActivityTypes.Message))
            {
                await OnMessageAsync(turn, cancellationToken);
            }
            else if (activity.IsType(ActivityTypes.Invoke))
            {
                return await OnInvokeAsync(turn, cancellationToken);
            }
            else if (activity.IsType(ActivityTypes.ConversationUpdate))
            {
                await OnConversationUpdateAsync(turn, cancellationToken);
            }
            else
            {
                logger.LogDebug("Activity {ActivityType} acknowledged without action", activity.Type);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await errors.HandleAsync(turn, ex, cancellationToken);
            if (activity.IsType(ActivityTypes.Invoke))
            {
                return new InvokeResponseBody(500, "application/vnd.microsoft.error", new JsonObject { ["code"] = "turnFailed", ["message"] = TurnErrorHandler.Apology });
            }
        }

        return null;
    }

    private async Task OnMessageAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var text = UserText(activity);
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var started = time.GetTimestamp();
        if (smsOptions.Value.IsSmsChannel(activity.ChannelId))
        {
            var smsText = await WithTypingAsync(turn,
                ct => smsConversation.HandleAsync(activity.From?.Id ?? activity.Conversation!.Id!, text, activity.ChannelId!, activity.Conversation?.Id, ct),
                cancellationToken);
            if (smsText is not null)
            {
                var reply = activity.CreateReply();
                reply.Text = smsText;
                reply.TextFormat = "plain";
                await turn.SendAsync(reply, cancellationToken);
            }
        }
        else
        {
            var answer = await WithTypingAsync(turn, ct => AskAsync(activity, text, ct), cancellationToken);
            await turn.SendAsync(renderer.Render(activity, answer.Answer), cancellationToken);
        }

        logger.LogInformation("Answered {ChannelId} message in {Elapsed} ms", activity.ChannelId, time.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task<InvokeResponseBody> OnInvokeAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!string.Equals(activity.Name, ActivityTypes.AdaptiveCardAction, StringComparison.Ordinal))
        {
            logger.LogInformation("Invoke {InvokeName} is not supported", activity.Name);
            return new InvokeResponseBody(501, null, null);
        }

        var action = activity.Value?["action"];
        var text = TextOf(action?["data"]) ?? Str(action?["verb"]);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new InvokeResponseBody(400, "application/vnd.microsoft.error",
                new JsonObject { ["code"] = "BadRequest", ["message"] = "The card action carried no text or verb." });
        }

        var reply = await AskAsync(activity, text, cancellationToken);
        return new InvokeResponseBody(200, Teams.AdaptiveCardBuilder.ContentType, TeamsAnswerCards.Render(reply.Answer, botOptions.Value.PublicBaseUrl));
    }

    private async Task OnConversationUpdateAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var botId = activity.Recipient?.Id;
        if (activity.MembersAdded?.Any(m => m.Id != botId) != true)
        {
            return;
        }

        var reply = activity.CreateReply();
        reply.ReplyToId = null;
        reply.Text = Greeting;
        reply.TextFormat = "plain";
        await turn.SendAsync(reply, cancellationToken);
    }

    private Task<CopilotReply> AskAsync(Activity activity, string text, CancellationToken cancellationToken) =>
        copilot.AskAsync(new CopilotRequest(activity.Conversation!.Id!, text, activity.ChannelId ?? "unknown", activity.From?.Id), cancellationToken);

    /// <summary>Runs the turn's work; when it takes longer than the typing delay the user sees "typing…" until it ends.</summary>
    private async Task<T> WithTypingAsync<T>(BotTurn turn, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var task = work(cancellationToken);
        // Nobody sees a typing indicator in a reply body or on a phone's SMS app.
        if (turn.CollectsReplies || smsOptions.Value.IsSmsChannel(turn.Activity.ChannelId))
        {
            return await task;
        }

        var wait = botOptions.Value.TypingDelay;
        while (!task.IsCompleted)
        {
            var finished = await Task.WhenAny(task, Task.Delay(wait, time, cancellationToken));
            if (finished == task)
            {
                break;
            }

            await SendTypingAsync(turn, cancellationToken);
            wait = botOptions.Value.TypingInterval;
        }

        return await task;
    }

    private async Task SendTypingAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            var typing = turn.Activity.CreateReply(ActivityTypes.Typing);
            await turn.SendAsync(typing, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            // A lost typing indicator is cosmetic; the answer itself still goes out.
            logger.LogDebug(ex, "Typing indicator not delivered");
        }
    }

    /// <summary>Typed text with the bot's @mention removed, or the text a card button sent back in its value.</summary>
    internal static string UserText(Activity activity)
    {
        var typed = string.Equals(activity.ChannelId, ChannelReplyRenderer.TeamsChannelId, StringComparison.OrdinalIgnoreCase)
            ? MentionStripper.Strip(activity)
            : (activity.Text ?? "").Trim();
        if (typed.Length > 0)
        {
            return typed;
        }

        return TextOf(activity.Value) ?? "";
    }

    private static string? TextOf(JsonNode? data) => data is JsonObject obj ? Str(obj["text"]) ?? Str(obj["verb"]) : null;

    private static string? Str(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
}
