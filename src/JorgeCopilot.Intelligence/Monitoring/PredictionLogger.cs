using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using JorgeCopilot.Core.Models;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace JorgeCopilot.Intelligence.Monitoring;

/// <summary>
/// Writes served predictions to the prediction log (any task). A prediction only queues its row; one background
/// writer saves whatever has queued in one transaction, so under load a score costs no round trip of its own and
/// writers never contend row by row. The queue is bounded (a flood waits instead of eating memory), and it is drained
/// on shutdown (<see cref="CompleteAsync"/>) and on dispose, so no accepted row is lost. Once completed, a late row is
/// written directly.
/// </summary>
public sealed class PredictionLogger : IAsyncDisposable
{
    private const int BatchSize = 500;
    private const int Capacity = 20_000;
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];
    private readonly IDbContextFactory<JorgeDbContext> _contexts;
    private readonly TimeProvider _clock;
    private readonly ILogger<PredictionLogger> _logger;
    private readonly Channel<PredictionLogEntry> _queue = Channel.CreateBounded<PredictionLogEntry>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Lazy<Task> _writer;
    private long _queued;
    private long _handled;
    private long _dropped;

    public PredictionLogger(IDbContextFactory<JorgeDbContext> contexts, TimeProvider clock, ILogger<PredictionLogger> logger)
    {
        _contexts = contexts;
        _clock = clock;
        _logger = logger;
        // Started by the first prediction, so a process that never predicts (most CLI commands) runs no loop.
        _writer = new Lazy<Task>(() => Task.Run(WriteLoopAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Rows that could not be saved even after retries (the store was down); they were logged as errors.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public async Task LogAsync(string task, int modelVersion, string subjectId, double prediction, double? low, double? high,
        float[] features, CancellationToken cancellationToken)
    {
        var entry = new PredictionLogEntry
        {
            Task = task,
            ModelVersion = modelVersion,
            SubjectId = subjectId,
            PredictedAt = _clock.GetUtcNow().UtcDateTime,
            Prediction = prediction,
            Low = low,
            High = high,
            FeaturesJson = JsonSerializer.Serialize(features),
        };
        _ = _writer.Value;
        Interlocked.Increment(ref _queued);
        try
        {
            if (!_queue.Writer.TryWrite(entry))
            {
                await _queue.Writer.WriteAsync(entry, cancellationToken);
            }
        }
        catch (ChannelClosedException)
        {
            // Shutting down: the writer has finished, so this one row goes straight to the store.
            await SaveAsync([entry], CancellationToken.None);
            Interlocked.Increment(ref _handled);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Decrement(ref _queued);
            throw;
        }
    }

    /// <summary>Waits until every row queued before the call is saved (or given up on).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var target = Interlocked.Read(ref _queued);
        while (Interlocked.Read(ref _handled) < target)
        {
            await Task.Delay(5, cancellationToken);
        }
    }

    /// <summary>Stops taking rows into the queue and waits until the queue is saved.</summary>
    public async Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer.IsValueCreated)
        {
            await _writer.Value;
        }
    }

    public async ValueTask DisposeAsync() => await CompleteAsync();

    public static string Subject(long id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PredictionLogEntry>(BatchSize);
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < BatchSize && reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            await SaveWithRetriesAsync(batch);
            Interlocked.Add(ref _handled, batch.Count);
            batch.Clear();
        }
    }

    private async Task SaveWithRetriesAsync(List<PredictionLogEntry> batch)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await SaveAsync(batch, CancellationToken.None);
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or DbException or InvalidOperationException or TimeoutException)
            {
                if (attempt >= RetryDelays.Length)
                {
                    Interlocked.Add(ref _dropped, batch.Count);
                    _logger.LogError(ex, "Prediction log: {Count} rows could not be saved after {Attempts} attempts", batch.Count, attempt + 1);
                    return;
                }

                _logger.LogWarning(ex, "Prediction log: saving {Count} rows failed; retrying", batch.Count);
                // Fresh entities: a failed SaveChanges may have left keys assigned on these.
                foreach (var entry in batch)
                {
                    entry.Id = 0;
                }

                await Task.Delay(RetryDelays[attempt], _clock);
            }
        }
    }

    private async Task SaveAsync(IReadOnlyCollection<PredictionLogEntry> entries, CancellationToken cancellationToken)
    {
        // One SaveChanges: one transaction and one batched insert for the whole batch.
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        db.PredictionLog.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);
    }
}
