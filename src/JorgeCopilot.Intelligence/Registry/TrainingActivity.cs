using System.Collections.Concurrent;

namespace JorgeCopilot.Intelligence.Registry;

/// <summary>
/// The model tasks this process is training right now and since when. The retraining job marks each task it trains,
/// so <c>/health</c> can say a missing model is on its way (first start trains for a few minutes) instead of telling
/// the owner to train one by hand.
/// </summary>
public sealed class TrainingActivity(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _running = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Marks <paramref name="task"/> as training until the returned handle is disposed.</summary>
    public IDisposable Begin(string task)
    {
        _running[task] = clock.GetUtcNow();
        return new Mark(this, task);
    }

    /// <summary>When the current training of <paramref name="task"/> started, or null when it is not being trained.</summary>
    public DateTimeOffset? StartedAt(string task) => _running.TryGetValue(task, out var started) ? started : null;

    private sealed class Mark(TrainingActivity owner, string task) : IDisposable
    {
        private int _disposed;

        // Idempotent: a run ends each task's mark when that task is done and again, harmlessly, when the run ends.
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner._running.TryRemove(task, out _);
            }
        }
    }
}
