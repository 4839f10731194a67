using JorgeCopilot.Core.Crm;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Intelligence.Crm;

/// <summary>
/// Receives HighLevel webhook deliveries: checks the signature over the raw body, refuses stale timestamps, and applies
/// each delivery exactly once (its <c>webhookId</c> is recorded in the same transaction as its effect, under a unique
/// key, so a redelivery or a replay changes nothing and a concurrent duplicate loses the race cleanly).
/// </summary>
public sealed class GoHighLevelWebhookReceiver(
    IDbContextFactory<JorgeDbContext> stores,
    GoHighLevelSignature signature,
    GoHighLevelStoreWriter writer,
    LeadDirectoryChanges leadChanges,
    IOptions<GoHighLevelOptions> options,
    TimeProvider clock,
    ILogger<GoHighLevelWebhookReceiver> logger)
{
    public const string Provider = "gohighlevel";

    /// <summary>Clocks drift: a delivery stamped a little in the future is still fresh.</summary>
    private static readonly TimeSpan FutureSkew = TimeSpan.FromMinutes(5);

    /// <param name="ed25519Signature">The <c>x-ghl-signature</c> header.</param>
    /// <param name="rsaSignature">The legacy <c>x-wh-signature</c> header.</param>
    public async Task<WebhookOutcome> ReceiveAsync(ReadOnlyMemory<byte> body, string? ed25519Signature, string? rsaSignature, CancellationToken ct)
    {
        if (!signature.IsConfigured)
        {
            logger.LogWarning("GoHighLevel delivery refused: no {Section} public key is configured", GoHighLevelOptions.SectionName);
            return new(WebhookStatus.NotConfigured, $"GoHighLevel webhooks are not configured: set {GoHighLevelOptions.SectionName}:Ed25519PublicKeyPem "
                + "(x-ghl-signature) or :PublicKeyPem (RSA, x-wh-signature) to HighLevel's published public key.");
        }

        if (!signature.IsValid(body.Span, ed25519Signature, rsaSignature))
        {
            logger.LogWarning("GoHighLevel delivery with a missing or invalid signature rejected");
            return new(WebhookStatus.BadSignature,
                $"The {GoHighLevelSignature.Header} (or {GoHighLevelSignature.LegacyHeader}) signature is missing, not for a configured key, or does not match the body.");
        }

        var errors = new InputErrors();
        if (GoHighLevelEvent.TryParse(body, errors) is not { } e)
        {
            return new(WebhookStatus.Invalid, errors.Summary, errors);
        }

        var age = clock.GetUtcNow() - e.Timestamp;
        if (age > options.Value.MaxEventAge || age < -FutureSkew)
        {
            logger.LogWarning("GoHighLevel delivery {WebhookId} ({Type}) refused: timestamp {Age} from now", e.WebhookId, e.Type, age);
            return new(WebhookStatus.Invalid, $"The event's timestamp {e.Timestamp:O} is outside the accepted window ({options.Value.MaxEventAge} old at most).",
                new InputErrors().Check("timestamp", "stale: older than the accepted window, or in the future"));
        }

        // Three attempts: a concurrent delivery about the same new contact or deal may win the insert of its natural key;
        // the next attempt then finds the row and updates it. HighLevel redelivers only an answer of 429, so a store
        // that cannot take the event now (a transient fault, or conflicts that keep recurring) is answered 429 rather
        // than 500, which would lose the event: the delivery's transaction rolled back, so the retry starts clean.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyOnceAsync(e, ct);
            }
            catch (GoHighLevelEventException missing)
            {
                return new(WebhookStatus.Invalid, missing.Message, new InputErrors().Check(missing.Field, missing.Message));
            }
            catch (Exception ex) when (ex is DbUpdateException || IsTransient(ex))
            {
                if (await SeenAsync(e.WebhookId, ct))
                {
                    // A concurrent delivery of the same event committed first; this one changed nothing.
                    return new(WebhookStatus.AlreadyProcessed, "already processed");
                }

                if (attempt == MaxAttempts)
                {
                    logger.LogWarning(ex, "GoHighLevel delivery {WebhookId} ({Type}) not stored after {Attempts} attempts; HighLevel is asked to redeliver",
                        e.WebhookId, e.Type, attempt);
                    return new(WebhookStatus.RetryLater, "The store could not take this event just now; redeliver it.");
                }
            }
        }
    }

    private const int MaxAttempts = 3;

    /// <summary>A store fault that may pass: the provider says so (serialization failure, deadlock, lost connection, timeout).</summary>
    private static bool IsTransient(Exception ex) => ex switch
    {
        System.Data.Common.DbException db => db.IsTransient,
        TimeoutException => true,
        _ => ex.InnerException is { } inner && IsTransient(inner),
    };

    private async Task<WebhookOutcome> ApplyOnceAsync(GoHighLevelEvent e, CancellationToken ct)
    {
        await using var db = await stores.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.CrmWebhookEvents.AnyAsync(x => x.Provider == Provider && x.WebhookId == e.WebhookId, ct))
        {
            logger.LogInformation("GoHighLevel delivery {WebhookId} ({Type}) already processed", e.WebhookId, e.Type);
            return new(WebhookStatus.AlreadyProcessed, "already processed");
        }

        var (effect, leadsChanged) = await writer.ApplyAsync(db, e, ct);
        db.CrmWebhookEvents.Add(new CrmWebhookEvent
        {
            Provider = Provider,
            WebhookId = e.WebhookId,
            Type = e.Type.Length > 80 ? e.Type[..80] : e.Type,
            SentAt = e.Timestamp.UtcDateTime,
            ProcessedAt = clock.GetUtcNow().UtcDateTime,
            Effect = effect,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (leadsChanged)
        {
            leadChanges.Changed();
        }

        logger.LogInformation("GoHighLevel delivery {WebhookId} ({Type}) processed: {Effect}", e.WebhookId, e.Type, effect);
        return new(WebhookStatus.Processed, "processed", Effect: effect);
    }

    /// <summary>Whether the event is already stored; a store that cannot answer now counts as "not yet" (the caller retries).</summary>
    private async Task<bool> SeenAsync(string webhookId, CancellationToken ct)
    {
        try
        {
            await using var db = await stores.CreateDbContextAsync(ct);
            return await db.CrmWebhookEvents.AnyAsync(x => x.Provider == Provider && x.WebhookId == webhookId, ct);
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            return false;
        }
    }
}
