using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JorgeCopilot.Core.Store;

/// <summary>
/// Brings the store's schema up to date before anything else runs: the web host does it on start (hosted service),
/// CLI commands call <see cref="InitializeAsync"/>. On PostgreSQL a session advisory lock serialises replicas that
/// start together, so exactly one applies the migrations and the others find nothing pending.
/// </summary>
public sealed class StoreInitializer(JorgeDbContextFactory factory, ILogger<StoreInitializer> logger) : IHostedService
{
    /// <summary>The advisory lock key; fixed so every replica and every version of the host agrees on it.</summary>
    public const long MigrationLockKey = 0x4A6F_7267_6543_6F70; // "JorgeCop"

    public Task StartAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Applies pending migrations (creating the SQLite file when missing); returns how many were applied.</summary>
    public async Task<int> InitializeAsync(CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var applied = factory.Connection.Provider == StoreProvider.Postgres
            ? await MigrateUnderAdvisoryLockAsync(cancellationToken)
            : await MigrateAsync(cancellationToken);
        logger.LogInformation("Store {Store} is up to date ({Applied} migrations applied in {ElapsedMs} ms)",
            factory.Connection.Describe(), applied, watch.ElapsedMilliseconds);
        return applied;
    }

    private async Task<int> MigrateUnderAdvisoryLockAsync(CancellationToken cancellationToken)
    {
        // A dedicated unpooled connection: the session lock lives exactly as long as this connection, so a crashed
        // replica never leaves it held in a pool.
        var lockConnection = new NpgsqlConnectionStringBuilder(factory.Connection.ConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(lockConnection.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", cancellationToken);
        try
        {
            return await MigrateAsync(cancellationToken);
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
        }
    }

    private async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        // Several hosts in one process (tests, the CLI beside a host) would otherwise migrate one SQLite file at once;
        // EF Core's SQLite migration lock is a table row that a host stopped mid-migration never removes, and every
        // later Migrate then waits on it forever. So: one migration per store at a time in a process, and none at all
        // when the store is already current.
        var gate = Gates.GetOrAdd(factory.Connection.ConnectionString, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = factory.CreateDbContext();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0 && (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any())
            {
                return 0;
            }

            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migrations: {Migrations}", pending.Count, string.Join(", ", pending));
            }

            // Also creates the SQLite file, and the database's history table when nothing is pending yet.
            await factory.MigrateAsync(cancellationToken);
            return pending.Count;
        }
        finally
        {
            gate.Release();
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", MigrationLockKey);
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
