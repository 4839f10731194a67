using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Core.Conversations;

/// <summary>Tables of the embedded vector store (retrieval of winning conversations).</summary>
public static class VectorStoreConfiguration
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<VectorCollectionRow>(e =>
        {
            e.ToTable("vector_collections");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(100);
        });
        modelBuilder.Entity<VectorRow>(e =>
        {
            e.ToTable("vector_records");
            e.HasIndex(x => new { x.Collection, x.Key }).IsUnique();
            e.Property(x => x.Collection).HasMaxLength(100);
            e.Property(x => x.Key).HasMaxLength(200);
        });
    }
}
