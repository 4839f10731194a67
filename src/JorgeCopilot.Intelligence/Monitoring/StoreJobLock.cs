using System.Security.Cryptography;
using System.Text;
using JorgeCopilot.Core.Models;
using JorgeCopilot.Core.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JorgeCopilot.Intelligence.Monitoring;

/// <summary>
/// <see cref="IJobLock"/> on the configured store. PostgreSQL: a session-level <c>pg_try_advisory_lock</c> held on a
/// dedicated connection for the job's duration (released even if the process dies, when the session ends).
/// SQLite: a row in <c>job_leases</c> taken by a conditional update, with an expiry so a crashed holder cannot block forever.
/// </summary>
public sealed class StoreJobLock(JorgeDbContextFactory contexts, TimeProvider clock) : IJobLock
{
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return contexts.Connection.Provider == StoreProvider.Postgres
            ? await AdvisoryAsync(name, cancellationToken)
            : await LeaseAsync(name, lease, cancellationToken);
    }

    private async Task<IAsyncDisposable?> AdvisoryAsync(string name, CancellationToken cancellationToken)
    {
        var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("jorge:" + name)), 0);
        var connection = new NpgsqlConnection(contexts.Connection.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", key);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new Releaser(async () =>
                {
                    await using (var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection))
                    {
                        unlock.Parameters.AddWithValue("key", key);
                        await unlock.ExecuteScalarAsync();
                    }

                    await connection.DisposeAsync();
                });
            }
        }

        await connection.DisposeAsync();
        return null;
    }

    private async Task<IAsyncDisposable?> LeaseAsync(string name, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            db.JobLeases.Add(new JobLease { Name = name, Holder = null, ExpiresAt = DateTime.MinValue.ToUniversalTime() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is SqliteException)
            {
                // Another replica created the row first; the conditional update below decides who holds it.
            }
        }

        var taken = await db.JobLeases
            .Where(l => l.Name == name && (l.Holder == null || l.ExpiresAt < now || l.Holder == _holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, _holder).SetProperty(l => l.ExpiresAt, now + lease), cancellationToken);
        if (taken == 0)
        {
            return null;
        }

        return new Releaser(async () =>
        {
            await using var release = contexts.CreateDbContext();
            await release.JobLeases.Where(l => l.Name == name && l.Holder == _holder)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null));
        });
    }

    private sealed class Releaser(Func<Task> release) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                await release();
            }
        }
    }
}
