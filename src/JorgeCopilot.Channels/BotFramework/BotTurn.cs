namespace JorgeCopilot.Channels.BotFramework;

/// <summary>
/// One inbound activity being handled. Replies go through the Connector, or, for <c>expectReplies</c>, are collected
/// for the HTTP response body; the handler code is the same either way.
/// </summary>
public sealed class BotTurn(Activity activity, ConnectorClient connector)
{
    private readonly List<Activity> _collected = [];

    public Activity Activity { get; } = activity;

    public bool CollectsReplies => Activity.ExpectsReplies;

    public IReadOnlyList<Activity> CollectedReplies
    {
        get
        {
            lock (_collected)
            {
                return [.. _collected];
            }
        }
    }

    public async Task SendAsync(Activity reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (CollectsReplies)
        {
            reply.Id ??= Guid.NewGuid().ToString("N");
            lock (_collected)
            {
                _collected.Add(reply);
            }

            return;
        }

        await connector.SendAsync(reply, cancellationToken);
    }
}
