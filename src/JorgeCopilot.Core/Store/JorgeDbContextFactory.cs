using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Core.Store;

/// <summary>Creates the provider's context for the configured store; the only place that knows the providers apart.</summary>
public sealed class JorgeDbContextFactory(StoreConnection connection) : IDbContextFactory<JorgeDbContext>
{
    public StoreConnection Connection { get; } = connection;

    public JorgeDbContext CreateDbContext() => Connection.Provider switch
    {
        StoreProvider.Postgres => new PostgresJorgeDbContext(
            new DbContextOptionsBuilder<PostgresJorgeDbContext>()
                .UseNpgsql(Connection.ConnectionString, o => o.CommandTimeout(300))
                .Options),
        _ => new SqliteJorgeDbContext(
            new DbContextOptionsBuilder<SqliteJorgeDbContext>()
                .UseSqlite(SqliteWithDirectory(Connection), o => o.CommandTimeout(300))
                .Options),
    };

    /// <summary>Applies every pending migration; creates the SQLite file (and its folder) when missing.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = CreateDbContext();
        await db.Database.MigrateAsync(cancellationToken);
        if (Connection.Provider == StoreProvider.Sqlite && Connection.SqliteFile() is { } file && file != ":memory:")
        {
            // WAL lets the API read while the first-start seed (or an import) writes; the mode persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    private static string SqliteWithDirectory(StoreConnection connection)
    {
        var file = connection.SqliteFile();
        if (!string.IsNullOrEmpty(file) && file != ":memory:")
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
        }

        return connection.ConnectionString;
    }
}
