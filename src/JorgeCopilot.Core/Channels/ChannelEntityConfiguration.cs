using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Core.Channels;

/// <summary>Store mapping for the channels' two tables, kept beside the entities so the context stays small.</summary>
internal static class ChannelEntityConfiguration
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ChannelActivityReceipt>(e =>
        {
            e.ToTable("channel_activity_receipts");
            e.HasIndex(x => x.Key).IsUnique();
            e.HasIndex(x => x.ReceivedAt);
            e.Property(x => x.Key).HasMaxLength(64);
            e.Property(x => x.ChannelId).HasMaxLength(64);
        });
        modelBuilder.Entity<SmsOptOut>(e =>
        {
            e.ToTable("sms_opt_outs");
            e.HasIndex(x => x.PhoneNumber).IsUnique();
            e.Property(x => x.PhoneNumber).HasMaxLength(32);
            e.Property(x => x.Channel).HasMaxLength(64);
            e.Property(x => x.Keyword).HasMaxLength(32);
        });
    }
}
