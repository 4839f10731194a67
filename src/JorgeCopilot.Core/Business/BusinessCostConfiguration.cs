using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Core.Business;

/// <summary>Store mapping for the cost table, kept beside the entity so the context stays small.</summary>
internal static class BusinessCostConfiguration
{
    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<BusinessCost>(e =>
        {
            e.ToTable("business_costs");
            e.HasIndex(x => new { x.Category, x.Name, x.Month }).IsUnique();
            e.Property(x => x.Category).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.LeadSource).HasMaxLength(100);
            e.Property(x => x.Amount).HasPrecision(18, 2);
        });
}
