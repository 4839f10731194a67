using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Core.Store;

/// <summary>The embedded default store (a SQLite file). Carries the SQLite migrations.</summary>
public sealed class SqliteJorgeDbContext(DbContextOptions<SqliteJorgeDbContext> options) : JorgeDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite has no decimal type: stored as TEXT, EF cannot ORDER BY or SUM it in SQL. Money fits a double's 15 digits.
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
        configurationBuilder.Properties<decimal?>().HaveConversion<double?>();
    }
}
