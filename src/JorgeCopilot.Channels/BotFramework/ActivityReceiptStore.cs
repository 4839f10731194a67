using System.Security.Cryptography;
using System.Text;
using JorgeCopilot.Core.Channels;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>
/// "Seen this activity before?" answered by a unique index in the store: the first replica to insert the receipt
/// processes the activity, every later delivery (channel retry, duplicate webhook) is acknowledged and dropped.
/// </summary>
public sealed class ActivityReceiptStore(IDbContextFactory<JorgeDbContext> contexts, TimeProvider time)
{
    /// <returns>true when this is the first time the activity is seen (the caller should process it).</returns>
    public async Task<bool> TryRecordAsync(string channelId, string? conversationId, string? activityId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(activityId))
        {
            return true;
        }

        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{channelId}\n{conversationId}\n{activityId}")));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ChannelActivityReceipts.Add(new ChannelActivityReceipt { Key = key, ChannelId = Truncate(channelId, 64), ReceivedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique index said no: another delivery (maybe on another replica) recorded it first.
            if (await ExistsAsync(key, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    private async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ChannelActivityReceipts.AnyAsync(r => r.Key == key, cancellationToken);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
