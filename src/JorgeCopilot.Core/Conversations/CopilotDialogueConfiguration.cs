using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JorgeCopilot.Core.Conversations;

internal sealed class CopilotDialogueConfiguration : IEntityTypeConfiguration<CopilotDialogue>
{
    public void Configure(EntityTypeBuilder<CopilotDialogue> builder)
    {
        builder.ToTable("copilot_dialogues");
        builder.HasIndex(x => x.ConversationId).IsUnique();
        builder.HasIndex(x => x.UpdatedAt);
        builder.Property(x => x.ConversationId).HasMaxLength(200);
    }
}
