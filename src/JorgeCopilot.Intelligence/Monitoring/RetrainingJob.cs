using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Intelligence.Monitoring;

/// <summary>
/// Retrains every task once a week on what the store holds then (new outcomes included). Every replica runs this
/// service; the job lock lets exactly one of them train, the others skip that week's run. On the embedded default
/// store it also trains, right after the first-start seeding, every task that has no champion yet
/// (<see cref="RetrainingOptions.TrainMissingOnFirstStart"/>).
/// </summary>
public sealed class RetrainingJob(IServiceProvider services, IOptions<RetrainingOptions> options, TimeProvider clock, ILogger<RetrainingJob> logger)
    : BackgroundService
{
    public const string LockName = "weekly-retraining";

    /// <summary>The next run time strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, DayOfWeek day, int hourUtc)
    {
        var utc = now.ToUniversalTime();
        var candidate = new DateTimeOffset(utc.Year, utc.Month, utc.Day, hourUtc, 0, 0, TimeSpan.Zero);
        candidate = candidate.AddDays(((int)day - (int)candidate.DayOfWeek + 7) % 7);
        return candidate <= utc ? candidate.AddDays(7) : candidate;
    }

    /// <summary>
    /// One run: every selected trainer in turn (only those without a champion when <paramref name="missingOnly"/>), under
    /// the lock. Returns null when another replica holds the lock.
    /// </summary>
    public async Task<IReadOnlyList<TrainingOutcome>?> RunOnceAsync(CancellationToken cancellationToken, bool missingOnly = false)
    {
        var settings = options.Value;
        var jobLock = services.GetRequiredService<IJobLock>();
        await using var held = await jobLock.TryAcquireAsync(LockName, settings.LockLease, cancellationToken);
        if (held is null)
        {
            logger.LogInformation("Retraining skipped: another replica holds the lock");
            return null;
        }

        var outcomes = new List<TrainingOutcome>();
        var registry = services.GetRequiredService<IModelRegistry>();
        var pending = new List<IModelTrainer>();
        foreach (var trainer in services.GetServices<IModelTrainer>()
                     .Where(t => settings.Tasks.Count == 0 || settings.Tasks.Contains(t.Task, StringComparer.OrdinalIgnoreCase)))
        {
            if (!missingOnly || await registry.GetChampionSummaryAsync(trainer.Task, cancellationToken) is null)
            {
                pending.Add(trainer);
            }
        }

        // Every task of this run counts as being trained from the start, so /health does not tell the owner to train
        // pricing by hand while lead scoring is still ahead of it in the queue.
        var activity = services.GetRequiredService<TrainingActivity>();
        var marks = pending.Select(t => activity.Begin(t.Task)).ToList();
        try
        {
            for (var i = 0; i < pending.Count; i++)
            {
                var trainer = pending[i];
                try
                {
                    var outcome = await trainer.TrainAsync(new TrainingRequest(), null, cancellationToken);
                    outcomes.Add(outcome);
                    logger.LogInformation("Retrained {Task}: v{Version} {Algorithm}, promoted {Promoted}", outcome.Task, outcome.Version, outcome.Algorithm, outcome.PromotedToChampion);
                }
                catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException)
                {
                    // One task without enough data must not stop the others.
                    logger.LogWarning(ex, "Retraining {Task} failed", trainer.Task);
                }
                finally
                {
                    marks[i].Dispose();
                }
            }
        }
        finally
        {
            marks.ForEach(m => m.Dispose());
        }

        return outcomes;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        try
        {
            await TrainMissingAfterFirstStartAsync(settings, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        if (!settings.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var next = NextRun(clock.GetUtcNow(), settings.Day, settings.HourUtc);
            var wait = next - clock.GetUtcNow();
            logger.LogInformation("Next retraining at {Next:u}", next);
            try
            {
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, clock, stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task TrainMissingAfterFirstStartAsync(RetrainingOptions settings, CancellationToken stoppingToken)
    {
        var seeding = services.GetService<SeedingState>();
        if (!settings.TrainMissingOnFirstStart || seeding is null || !services.GetRequiredService<StoreConnection>().IsEmbeddedDefault)
        {
            return;
        }

        while (seeding.Status is SeedingStatus.Starting or SeedingStatus.Seeding)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
        }

        if (seeding.Status == SeedingStatus.Ready)
        {
            logger.LogInformation("Embedded store ready: training the tasks that have no champion yet");
            await RunOnceAsync(stoppingToken, missingOnly: true);
        }
    }
}
