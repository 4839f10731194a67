using Microsoft.Extensions.Logging;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>
/// The one place a failed turn ends up: the error is logged (ids and types only, never message text) and the user
/// gets a polite apology instead of silence. Never throws: the apology can fail like the turn did (the reason the
/// turn failed may be the channel itself), and that must not take the worker down with it.
/// </summary>
public sealed class TurnErrorHandler(ILogger<TurnErrorHandler> logger)
{
    public const string Apology = "Sorry, something went wrong on my side while answering that. Please try again in a moment.";

    public async Task HandleAsync(BotTurn turn, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        logger.LogError(exception, "Turn failed for {ActivityType} activity {ActivityId} in conversation {ConversationId} on {ChannelId}",
            activity.Type, activity.Id, TurnLog.ConversationId(activity), activity.ChannelId);
        try
        {
            var reply = activity.CreateReply();
            reply.Text = Apology;
            reply.TextFormat = "plain";
            await turn.SendAsync(reply, cancellationToken);
        }
#pragma warning disable CA1031 // Any failure to apologise ends here, logged: the turn is dropped with a reason, the worker goes on.
        catch (Exception sendFailure)
#pragma warning restore CA1031
        {
            logger.LogError(sendFailure, "Turn for activity {ActivityId} in conversation {ConversationId} dropped: the apology could not be delivered ({Reason})",
                activity.Id, TurnLog.ConversationId(activity), sendFailure.GetType().Name);
        }
    }
}
