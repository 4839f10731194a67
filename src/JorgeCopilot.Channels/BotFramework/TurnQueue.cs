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
/// </summary>
public sealed class TurnQueue : BackgroundService
{
    private static readonly TimeSpan TurnTimeout = TimeSpan.FromMinutes(2);
    private readonly Channel<Activity>[] _partitions;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<TurnQueue> _logger;

    public TurnQueue(IServiceScopeFactory scopes, IOptions<BotOptions> options, ILogger<TurnQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scopes = scopes;
        _logger = logger;
        _partitions = [.. Enumerable.Range(0, Math.Max(1, options.Value.Workers))
            .Select(_ => Channel.CreateUnbounded<Activity>(new UnboundedChannelOptions { SingleReader = true }))];
    }

    public bool TryEnqueue(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var key = activity.Conversation?.Id ?? activity.Id ?? "";
        var partition = (int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_partitions.Length);
        return _partitions[partition].Writer.TryWrite(activity);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var partition in _partitions)
        {
            partition.Writer.TryComplete();
        }

        await base.StopAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_partitions.Select(p => Task.Run(() => RunAsync(p.Reader), CancellationToken.None)));

    private async Task RunAsync(ChannelReader<Activity> reader)
    {
        // Drained to the end even during shutdown: an accepted (202) activity is a promise of a reply.
        await foreach (var activity in reader.ReadAllAsync(CancellationToken.None))
        {
            using var timeout = new CancellationTokenSource(TurnTimeout);
            await using var scope = _scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var turn = new BotTurn(activity, services.GetRequiredService<ConnectorClient>());
            try
            {
                await services.GetRequiredService<BotTurnProcessor>().ProcessAsync(turn, timeout.Token);
            }
            catch (OperationCanceledException ex)
            {
                _logger.LogError(ex, "Turn for activity {ActivityId} timed out", activity.Id);
            }
        }
    }
}
