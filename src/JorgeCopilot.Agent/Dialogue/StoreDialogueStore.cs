using JorgeCopilot.Core.Conversations;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Agent.Dialogue;

/// <summary>Dialogue state in the store, one row per conversation (upsert; a concurrent first write is retried as an update).</summary>
public sealed class StoreDialogueStore(IDbContextFactory<JorgeDbContext> contexts, TimeProvider clock) : IDialogueStore
{
    public async Task<DialogueState> LoadAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = await db.CopilotDialogues.AsNoTracking()
            .Where(d => d.ConversationId == conversationId)
            .Select(d => d.StateJson)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? new DialogueState() : DialogueJson.Read(json);
    }

    public async Task SaveAsync(string conversationId, DialogueState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var json = DialogueJson.Write(state);
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var row = await db.CopilotDialogues.FirstOrDefaultAsync(d => d.ConversationId == conversationId, cancellationToken);
            if (row is null)
            {
                db.CopilotDialogues.Add(new CopilotDialogue
                {
                    ConversationId = conversationId, StateJson = json, TurnCount = state.Turns, UpdatedAt = clock.GetUtcNow().UtcDateTime,
                });
            }
            else
            {
                row.StateJson = json;
                row.TurnCount = state.Turns;
                row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 0 && row is null)
            {
                // Another replica inserted the row first: go round once more and update it.
            }
        }
    }
}
