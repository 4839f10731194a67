using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Core.Variants;

/// <summary>Store mapping for the bot-variant experiments, kept beside the entities so the context stays small.</summary>
internal static class VariantEntityConfiguration
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<VariantExperiment>(e =>
        {
            e.ToTable("variant_experiments");
            e.HasIndex(x => x.Name).IsUnique();
            e.Property(x => x.Name).HasMaxLength(100);
        });
        modelBuilder.Entity<VariantArm>(e =>
        {
            e.ToTable("variant_arms");
            e.HasIndex(x => new { x.ExperimentId, x.Segment, x.Strategy }).IsUnique();
            e.HasOne(x => x.Experiment).WithMany(x => x.Arms).HasForeignKey(x => x.ExperimentId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Segment).HasMaxLength(100);
            e.Property(x => x.Strategy).HasMaxLength(40);
        });
        modelBuilder.Entity<ServedVariant>(e =>
        {
            e.ToTable("served_variants");
            e.HasIndex(x => x.ServedId).IsUnique();
            e.HasIndex(x => new { x.ArmId, x.ServedAt });
            e.HasOne(x => x.Arm).WithMany().HasForeignKey(x => x.ArmId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Tone).HasMaxLength(40);
        });
    }
}
