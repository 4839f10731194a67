using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using JorgeCopilot.Intelligence.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace JorgeCopilot.IntegrationTests.LeadScoring;

/// <summary>The batched prediction-log writer against real stores: concurrent predictions lose no row.</summary>
public sealed class PredictionLogWriterTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Two_thousand_concurrent_predictions_are_all_saved_once_the_writer_completes(StoreProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await TestStores.CreateMigratedAsync(provider);
        var logger = new PredictionLogger(store, TimeProvider.System, NullLogger<PredictionLogger>.Instance);

        await Parallel.ForEachAsync(Enumerable.Range(1, 2000), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (i, token) => await logger.LogAsync("lead-scoring", 1, PredictionLogger.Subject(i), 0.5, 0.4, 0.6, [1f, 2f], token));
        await logger.CompleteAsync();

        await using var db = store.CreateDbContext();
        (await db.PredictionLog.Select(l => l.SubjectId).Distinct().CountAsync(ct)).ShouldBe(2000);
        logger.Dropped.ShouldBe(0);
    }

    [Fact]
    public async Task A_prediction_after_shutdown_is_still_saved()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await TestStores.CreateMigratedAsync(StoreProvider.Sqlite);
        var logger = new PredictionLogger(store, TimeProvider.System, NullLogger<PredictionLogger>.Instance);
        await logger.LogAsync("lead-scoring", 1, "1", 0.5, null, null, [], ct);
        await logger.CompleteAsync();

        await logger.LogAsync("lead-scoring", 1, "2", 0.5, null, null, [], ct);

        await using var db = store.CreateDbContext();
        (await db.PredictionLog.CountAsync(ct)).ShouldBe(2);
    }
}
