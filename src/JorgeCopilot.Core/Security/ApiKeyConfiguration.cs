using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JorgeCopilot.Core.Security;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasIndex(x => x.Hash).IsUnique();
        builder.Property(x => x.Name).HasMaxLength(100);
        builder.Property(x => x.Prefix).HasMaxLength(20);
        builder.Property(x => x.Hash).HasMaxLength(64);
        builder.Property(x => x.Scopes).HasMaxLength(100);
    }
}
