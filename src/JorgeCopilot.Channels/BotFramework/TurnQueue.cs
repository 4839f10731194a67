using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>
/// Lets <c>/api/messages</c> answer 202 at once (channels time out after ~15 s) while turns run in the background.
/// Activities are partitioned by conversation, so one conversation's turns run in order while different
/// conversations run in parallel. On shutdown the queue stops taking work and finishes what it has.
/// A worker survives anything a turn throws: a dead worker would silence every conversation hashed to it, and a
/// BackgroundService that throws stops the whole host.
/// </summary>
public sealed class TurnQueue : BackgroundService
{
    private static readonly TimeSpan TurnTimeout = TimeSpan.FromMinutes(2);
    private readonly Channel<Activity>[] _partitions;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<TurnQueue> _logger;
    private int _running;
    private int _started;
    private volatile bool _stopping;

    public TurnQueue(IServiceScopeFactory scopes, IOptions<BotOptions> options, ILogger<TurnQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scopes = scopes;
        _logger = logger;
        _partitions = [.. Enumerable.Range(0, Math.Max(1, options.Value.Workers))
            .Select(_ => Channel.CreateUnbounded<Activity>(new UnboundedChannelOptions { SingleReader = true }))];
    }

    public int Workers => _partitions.Length;

    /// <summary>Workers whose loop is running now.</summary>
    public int RunningWorkers => Volatile.Read(ref _running);

    /// <summary>True once the host started the workers.</summary>
    public bool Started => Volatile.Read(ref _started) == 1;

    /// <summary>True once the host asked the queue to stop (workers then end on purpose).</summary>
    public bool Stopping => _stopping;

    /// <summary>The worker a conversation's turns run on.</summary>
    public int WorkerFor(string? conversationId) =>
        (int)((uint)StringComparer.Ordinal.GetHashCode(conversationId ?? "") % (uint)_partitions.Length);

    public bool TryEnqueue(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return _partitions[WorkerFor(activity.Conversation?.Id ?? activity.Id)].Writer.TryWrite(activity);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        foreach (var partition in _partitions)
        {
            partition.Writer.TryComplete();
        }

        await base.StopAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Counted before the loops start, so a probe in between never sees a worker as stopped.
        Volatile.Write(ref _running, _partitions.Length);
        Volatile.Write(ref _started, 1);
        return Task.WhenAll(_partitions.Select((p, i) => Task.Run(() => RunAsync(i, p.Reader), CancellationToken.None)));
    }

    private async Task RunAsync(int worker, ChannelReader<Activity> reader)
    {
        try
        {
            // Drained to the end even during shutdown: an accepted (202) activity is a promise of a reply.
            await foreach (var activity in reader.ReadAllAsync(CancellationToken.None))
            {
                await RunTurnAsync(worker, activity);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            if (!_stopping)
            {
                _logger.LogCritical("Turn worker {Worker} stopped while the host is running", worker);
            }
        }
    }

    private async Task RunTurnAsync(int worker, Activity activity)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TurnTimeout);
            await using var scope = _scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var turn = new BotTurn(activity, services.GetRequiredService<ConnectorClient>());
            await services.GetRequiredService<BotTurnProcessor>().ProcessAsync(turn, timeout.Token);
        }
        catch (OperationCanceledException ex)
        {
            _logger.LogError(ex, "Turn for activity {ActivityId} in conversation {ConversationId} dropped: timed out after {Timeout}",
                activity.Id, TurnLog.ConversationId(activity), TurnTimeout);
        }
#pragma warning disable CA1031 // The worker is the last line: whatever a turn throws must not end the loop that serves other conversations.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "Turn for activity {ActivityId} in conversation {ConversationId} dropped on worker {Worker}: {Reason}",
                activity.Id, TurnLog.ConversationId(activity), worker, ex.GetType().Name);
        }
    }
}
