namespace JorgeCopilot.Core.Store;

public enum StoreProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which store to use, decided once from <c>ConnectionStrings:Jorge</c>: <c>Host=...</c> → PostgreSQL,
/// <c>Data Source=...</c> → SQLite, unset → the embedded SQLite file in the user's data directory.
/// </summary>
public sealed record StoreConnection(StoreProvider Provider, string ConnectionString, bool IsEmbeddedDefault)
{
    public const string ConnectionStringName = "Jorge";

    public static StoreConnection Resolve(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            var path = DefaultDatabasePath();
            return new StoreConnection(StoreProvider.Sqlite, $"Data Source={path}", IsEmbeddedDefault: true);
        }

        var trimmed = configured.Trim();
        if (ContainsKey(trimmed, "Host") || ContainsKey(trimmed, "Server"))
        {
            return new StoreConnection(StoreProvider.Postgres, trimmed, IsEmbeddedDefault: false);
        }

        if (ContainsKey(trimmed, "Data Source") || ContainsKey(trimmed, "DataSource") || ContainsKey(trimmed, "Filename"))
        {
            return new StoreConnection(StoreProvider.Sqlite, trimmed, IsEmbeddedDefault: false);
        }

        throw new InvalidOperationException(
            $"ConnectionStrings:{ConnectionStringName} is neither PostgreSQL (Host=...) nor SQLite (Data Source=...).");
    }

    /// <summary>~/.local/share/jorge-copilot/jorge.db on Linux; the platform's equivalent elsewhere. Never inside the repo.</summary>
    public static string DefaultDatabasePath()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(root, "jorge-copilot", "jorge.db");
    }

    /// <summary>A description without secrets, for logs and /health.</summary>
    public string Describe() => Provider switch
    {
        StoreProvider.Sqlite => $"sqlite ({SqliteFile()})",
        _ => "postgresql",
    };

    public string? SqliteFile()
    {
        if (Provider != StoreProvider.Sqlite)
        {
            return null;
        }

        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString);
        return builder.DataSource;
    }

    private static bool ContainsKey(string connectionString, string key) =>
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(part => part.StartsWith(key + "=", StringComparison.OrdinalIgnoreCase)
                      || part.StartsWith(key + " =", StringComparison.OrdinalIgnoreCase));
}
