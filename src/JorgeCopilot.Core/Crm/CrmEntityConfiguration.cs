using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Core.Crm;

/// <summary>Store mapping for the CRM connector's table, kept beside the entity so the context stays small.</summary>
internal static class CrmEntityConfiguration
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CrmWebhookEvent>(e =>
        {
            e.ToTable("crm_webhook_events");
            e.HasIndex(x => new { x.Provider, x.WebhookId }).IsUnique();
            e.HasIndex(x => x.ProcessedAt);
            e.Property(x => x.Provider).HasMaxLength(40);
            e.Property(x => x.WebhookId).HasMaxLength(200);
            e.Property(x => x.Type).HasMaxLength(80);
            e.Property(x => x.Effect).HasMaxLength(200);
        });
    }
}
