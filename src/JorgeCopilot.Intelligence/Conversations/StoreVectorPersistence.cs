using System.Runtime.InteropServices;
using System.Text.Json;
using JorgeCopilot.Core.Conversations;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>Keeps collections in the relational store (tables vector_collections and vector_records), on SQLite and PostgreSQL alike.</summary>
public sealed class StoreVectorPersistence(IDbContextFactory<JorgeDbContext> factory) : IVectorPersistence
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<bool> ExistsAsync(string collection, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.VectorCollections.AnyAsync(c => c.Name == collection, cancellationToken);
    }

    public async Task CreateAsync(string collection, int dimensions, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.VectorCollections.AnyAsync(c => c.Name == collection, cancellationToken))
        {
            return;
        }

        db.VectorCollections.Add(new VectorCollectionRow { Name = collection, Dimensions = dimensions, Revision = 1 });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another replica may have created it first: then the collection exists, which is all the caller asked for.
            if (!await ExistsAsync(collection, cancellationToken))
            {
                throw;
            }
        }
    }

    public async Task DropAsync(string collection, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.VectorRecords.Where(r => r.Collection == collection).ExecuteDeleteAsync(cancellationToken);
        await db.VectorCollections.Where(c => c.Name == collection).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<long?> RevisionAsync(string collection, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.VectorCollections.Where(c => c.Name == collection).Select(c => (long?)c.Revision).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ConversationVector>> LoadAsync(string collection, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.VectorRecords.AsNoTracking().Where(r => r.Collection == collection).ToListAsync(cancellationToken);
        return rows.Select(ToRecord).ToList();
    }

    public async Task UpsertAsync(string collection, IReadOnlyList<ConversationVector> records, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var chunk in records.Chunk(500))
        {
            var keys = chunk.Select(r => r.Key).ToList();
            var existing = await db.VectorRecords.Where(r => r.Collection == collection && keys.Contains(r.Key))
                .ToDictionaryAsync(r => r.Key, StringComparer.Ordinal, cancellationToken);
            foreach (var record in chunk)
            {
                var payload = JsonSerializer.Serialize(record, Json);
                var vector = MemoryMarshal.AsBytes(record.Vector.Span).ToArray();
                if (existing.TryGetValue(record.Key, out var row))
                {
                    row.Payload = payload;
                    row.Vector = vector;
                }
                else
                {
                    db.VectorRecords.Add(new VectorRow { Collection = collection, Key = record.Key, Payload = payload, Vector = vector });
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await Touch(db, collection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DeleteAsync(string collection, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var chunk in keys.Chunk(500))
        {
            await db.VectorRecords.Where(r => r.Collection == collection && chunk.Contains(r.Key)).ExecuteDeleteAsync(cancellationToken);
        }

        await Touch(db, collection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task Touch(JorgeDbContext db, string collection, CancellationToken cancellationToken)
    {
        var updated = await db.VectorCollections.Where(c => c.Name == collection)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Revision, c => c.Revision + 1), cancellationToken);
        if (updated == 0)
        {
            throw new InvalidOperationException($"Collection '{collection}' does not exist.");
        }
    }

    private static ConversationVector ToRecord(VectorRow row)
    {
        var record = JsonSerializer.Deserialize<ConversationVector>(row.Payload, Json)!;
        record.Key = row.Key;
        record.Vector = MemoryMarshal.Cast<byte, float>(row.Vector).ToArray();
        return record;
    }
}
