using Microsoft.Extensions.Logging;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>
/// The one place a failed turn ends up: the error is logged (ids and types only, never message text) and the user
/// gets a polite apology instead of silence.
/// </summary>
public sealed class TurnErrorHandler(ILogger<TurnErrorHandler> logger)
{
    public const string Apology = "Sorry, something went wrong on my side while answering that. Please try again in a moment.";

    public async Task HandleAsync(BotTurn turn, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        logger.LogError(exception, "Turn failed for {ActivityType} activity {ActivityId} on {ChannelId}",
            turn.Activity.Type, turn.Activity.Id, turn.Activity.ChannelId);
        try
        {
            var reply = turn.Activity.CreateReply();
            reply.Text = Apology;
            reply.TextFormat = "plain";
            await turn.SendAsync(reply, cancellationToken);
        }
        catch (Exception sendFailure) when (sendFailure is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            logger.LogError(sendFailure, "Could not deliver the apology for activity {ActivityId}", turn.Activity.Id);
        }
    }
}
