using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>Deletes dedupe receipts older than <see cref="BotOptions.ReceiptRetention"/> once an hour, so the table stays small.</summary>
internal sealed class ReceiptPurge(IDbContextFactory<JorgeDbContext> contexts, IOptions<BotOptions> options, TimeProvider time, ILogger<ReceiptPurge> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                var cutoff = time.GetUtcNow().UtcDateTime - options.Value.ReceiptRetention;
                await using var db = await contexts.CreateDbContextAsync(stoppingToken);
                var removed = await db.ChannelActivityReceipts.Where(r => r.ReceivedAt < cutoff).ExecuteDeleteAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Purged {Count} activity receipts", removed);
                }
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The store may not be migrated yet on first start; the next tick tries again.
                logger.LogWarning(ex, "Activity receipt purge failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
