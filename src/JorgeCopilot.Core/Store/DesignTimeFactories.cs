using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace JorgeCopilot.Core.Store;

// Used only by `dotnet ef migrations add`; the connection strings are never opened when generating a migration.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteJorgeDbContext>
{
    public SqliteJorgeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteJorgeDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresJorgeDbContext>
{
    public PostgresJorgeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresJorgeDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
