using JorgeCopilot.Core.Channels;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Channels.Sms;

/// <summary>Opt-outs live in the store so every replica, and every restart, honours a STOP.</summary>
public sealed class SmsOptOutStore(IDbContextFactory<JorgeDbContext> contexts, TimeProvider time)
{
    public async Task<bool> IsOptedOutAsync(string phoneNumber, CancellationToken cancellationToken)
    {
        var number = Normalize(phoneNumber);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SmsOptOuts.AnyAsync(o => o.PhoneNumber == number, cancellationToken);
    }

    public async Task OptOutAsync(string phoneNumber, string channel, string keyword, CancellationToken cancellationToken)
    {
        var number = Normalize(phoneNumber);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.SmsOptOuts.AnyAsync(o => o.PhoneNumber == number, cancellationToken))
        {
            return;
        }

        db.SmsOptOuts.Add(new SmsOptOut
        {
            PhoneNumber = number,
            Channel = channel.Length <= 64 ? channel : channel[..64],
            Keyword = keyword.Length <= 32 ? keyword : keyword[..32],
            OptedOutAt = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A second STOP may have raced us to the unique index: then the number is opted out either way.
            if (!await IsOptedOutAsync(number, cancellationToken))
            {
                throw;
            }
        }
    }

    public async Task OptInAsync(string phoneNumber, CancellationToken cancellationToken)
    {
        var number = Normalize(phoneNumber);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.SmsOptOuts.Where(o => o.PhoneNumber == number).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>"+1 (206) 555-0100" and "+12065550100" are the same subscriber.</summary>
    public static string Normalize(string phoneNumber)
    {
        ArgumentNullException.ThrowIfNull(phoneNumber);
        var digits = new string([.. phoneNumber.Where(char.IsAsciiDigit)]);
        var normalized = phoneNumber.TrimStart().StartsWith('+') ? "+" + digits : digits;
        return normalized.Length == 0 ? phoneNumber.Trim() : normalized;
    }
}
