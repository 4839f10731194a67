using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JorgeCopilot.Core.Security;

internal sealed class DashboardUserConfiguration : IEntityTypeConfiguration<DashboardUser>
{
    public void Configure(EntityTypeBuilder<DashboardUser> builder)
    {
        builder.ToTable("dashboard_users");
        builder.HasIndex(x => x.NormalizedName).IsUnique();
        builder.Property(x => x.Name).HasMaxLength(DashboardUserStore.MaxNameLength);
        builder.Property(x => x.NormalizedName).HasMaxLength(DashboardUserStore.MaxNameLength);
        builder.Property(x => x.PasswordHash).HasMaxLength(200);
    }
}
