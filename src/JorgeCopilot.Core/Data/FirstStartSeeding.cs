using JorgeCopilot.Core.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JorgeCopilot.Core.Data;

/// <summary>
/// On host start: migrates the store, then — only on the embedded default SQLite store and only when it is empty —
/// seeds the demo workspace in the background, so a fresh <c>dotnet run</c> has data without anyone typing
/// <c>jorge seed</c>. A configured store (PostgreSQL or an explicit SQLite file) is never seeded silently.
/// </summary>
public sealed class FirstStartSeeding(
    JorgeDbContextFactory factory,
    StoreInitializer initializer,
    IServiceScopeFactory scopes,
    SeedingState state,
    ILogger<FirstStartSeeding> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Same path as the host's start-up migration (advisory lock on PostgreSQL); a no-op when already done.
            await initializer.InitializeAsync(stoppingToken);
            if (!factory.Connection.IsEmbeddedDefault)
            {
                state.Set(SeedingStatus.Ready, seeded: false);
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var seeder = scope.ServiceProvider.GetRequiredService<IWorkspaceSeeder>();
            if (!await seeder.IsEmptyAsync(stoppingToken))
            {
                state.Set(SeedingStatus.Ready, seeded: false);
                return;
            }

            state.Set(SeedingStatus.Seeding);
            logger.LogInformation("Empty embedded store: seeding the demo workspace from the bundled data");
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var summary = await seeder.SeedAsync(new Progress<ImportProgress>(state.Report), stoppingToken);
            logger.LogInformation("Seeded {Steps} data files ({Added} rows added) in {Elapsed} s",
                summary.Steps.Count, summary.Steps.Sum(s => s.RowsAdded), System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
            state.Set(SeedingStatus.Ready, seeded: true);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down mid-seed: the current import's transaction rolls back; the next start seeds again.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "First-start migration or seeding failed");
            state.Set(SeedingStatus.Failed, ex.GetBaseException().Message);
        }
    }
}
