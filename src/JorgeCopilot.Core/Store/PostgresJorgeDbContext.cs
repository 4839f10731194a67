using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Core.Store;

/// <summary>The production store (PostgreSQL). Carries the PostgreSQL migrations.</summary>
public sealed class PostgresJorgeDbContext(DbContextOptions<PostgresJorgeDbContext> options) : JorgeDbContext(options);
