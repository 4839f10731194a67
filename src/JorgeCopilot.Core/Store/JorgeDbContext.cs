using System.Text.Json;
using JorgeCopilot.Core.Business;
using JorgeCopilot.Core.Channels;
using JorgeCopilot.Core.Conversations;
using JorgeCopilot.Core.Crm;
using JorgeCopilot.Core.Deals;
using JorgeCopilot.Core.Import;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Market;
using JorgeCopilot.Core.Models;
using JorgeCopilot.Core.Properties;
using JorgeCopilot.Core.Security;
using JorgeCopilot.Core.Variants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JorgeCopilot.Core.Store;

/// <summary>
/// The one data layer. Provider-specific subclasses (<see cref="SqliteJorgeDbContext"/>, <see cref="PostgresJorgeDbContext"/>)
/// exist only so each provider keeps its own migrations; the model is defined once, here.
/// </summary>
public abstract class JorgeDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<LeadOutcome> LeadOutcomes => Set<LeadOutcome>();
    public DbSet<Property> Properties => Set<Property>();
    public DbSet<Sale> Sales => Set<Sale>();
    public DbSet<Deal> Deals => Set<Deal>();
    public DbSet<MarketSeriesPoint> MarketSeries => Set<MarketSeriesPoint>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ConversationTurn> ConversationTurns => Set<ConversationTurn>();
    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();
    public DbSet<ImportRecord> ImportRecords => Set<ImportRecord>();
    public DbSet<CopilotDialogue> CopilotDialogues => Set<CopilotDialogue>();
    public DbSet<PredictionLogEntry> PredictionLog => Set<PredictionLogEntry>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<ChannelActivityReceipt> ChannelActivityReceipts => Set<ChannelActivityReceipt>();
    public DbSet<SmsOptOut> SmsOptOuts => Set<SmsOptOut>();
    public DbSet<InvestmentAlert> InvestmentAlerts => Set<InvestmentAlert>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<DashboardUser> DashboardUsers => Set<DashboardUser>();
    public DbSet<VariantExperiment> VariantExperiments => Set<VariantExperiment>();
    public DbSet<VariantArm> VariantArms => Set<VariantArm>();
    public DbSet<ServedVariant> ServedVariants => Set<ServedVariant>();
    public DbSet<VectorCollectionRow> VectorCollections => Set<VectorCollectionRow>();
    public DbSet<VectorRow> VectorRecords => Set<VectorRow>();
    public DbSet<BusinessCost> BusinessCosts => Set<BusinessCost>();
    public DbSet<CrmWebhookEvent> CrmWebhookEvents => Set<CrmWebhookEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<Lead>(e =>
        {
            e.ToTable("leads");
            e.HasIndex(x => new { x.Source, x.ExternalId }).IsUnique();
            e.HasIndex(x => x.DisplayName);
            e.HasIndex(x => x.IsDemo);
            e.Property(x => x.Source).HasMaxLength(100);
            e.Property(x => x.ExternalId).HasMaxLength(200);
            e.Property(x => x.DisplayName).HasMaxLength(200);
            e.Property(x => x.Stage).HasMaxLength(40);
            JsonColumn(e.Property(x => x.Attributes));
        });
        modelBuilder.Entity<Message>(e =>
        {
            e.ToTable("messages");
            e.HasIndex(x => x.ExternalId).IsUnique();
            e.HasIndex(x => new { x.LeadId, x.SentAt });
            e.HasOne(x => x.Lead).WithMany(x => x.Messages).HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.ExternalId).HasMaxLength(200);
            e.Property(x => x.Channel).HasMaxLength(40);
        });
        modelBuilder.Entity<LeadOutcome>(e =>
        {
            e.ToTable("lead_outcomes");
            e.HasIndex(x => x.Key).IsUnique();
            e.HasIndex(x => x.LeadId);
            e.HasOne(x => x.Lead).WithMany(x => x.Outcomes).HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.Value).HasPrecision(18, 2);
        });
        modelBuilder.Entity<Property>(e =>
        {
            e.ToTable("properties");
            e.HasIndex(x => x.ParcelId).IsUnique();
            e.HasIndex(x => x.Zip);
            e.HasIndex(x => x.Address);
            e.Property(x => x.ParcelId).HasMaxLength(64);
            e.Property(x => x.Zip).HasMaxLength(10);
            JsonColumn(e.Property(x => x.Attributes));
        });
        modelBuilder.Entity<Sale>(e =>
        {
            e.ToTable("sales");
            e.HasIndex(x => new { x.PropertyId, x.SaleDate }).IsUnique();
            e.HasIndex(x => x.SaleDate);
            e.HasOne(x => x.Property).WithMany(x => x.Sales).HasForeignKey(x => x.PropertyId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.SalePrice).HasPrecision(18, 2);
            e.Property(x => x.ListPrice).HasPrecision(18, 2);
        });
        modelBuilder.Entity<Deal>(e =>
        {
            e.ToTable("deals");
            e.HasIndex(x => x.ExternalId).IsUnique();
            e.HasOne(x => x.Lead).WithMany().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Property).WithMany().HasForeignKey(x => x.PropertyId).OnDelete(DeleteBehavior.SetNull);
            e.Property(x => x.Value).HasPrecision(18, 2);
            e.Property(x => x.CommissionRate).HasPrecision(9, 6);
            e.Property(x => x.Commission).HasPrecision(18, 2);
            e.Property(x => x.LostFromStage).HasMaxLength(32);
        });
        modelBuilder.Entity<MarketSeriesPoint>(e =>
        {
            e.ToTable("market_series");
            e.HasIndex(x => new { x.Source, x.Region, x.Segment, x.Metric, x.Month }).IsUnique();
            e.HasIndex(x => new { x.Metric, x.Region });
        });
        modelBuilder.Entity<Conversation>(e =>
        {
            e.ToTable("conversations");
            e.HasIndex(x => new { x.Corpus, x.ExternalId }).IsUnique();
            JsonColumn(e.Property(x => x.Attributes));
        });
        modelBuilder.Entity<ConversationTurn>(e =>
        {
            e.ToTable("conversation_turns");
            e.HasIndex(x => new { x.ConversationId, x.Index }).IsUnique();
            e.HasOne(x => x.Conversation).WithMany(x => x.Turns).HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
            JsonColumn(e.Property(x => x.Labels));
        });
        modelBuilder.Entity<ModelVersion>(e =>
        {
            e.ToTable("model_versions");
            e.HasIndex(x => new { x.Task, x.Version }).IsUnique();
            e.Property(x => x.Task).HasMaxLength(64);
        });
        modelBuilder.Entity<ImportRecord>(e =>
        {
            e.ToTable("import_records");
            e.HasIndex(x => x.FileSha256);
        });

        // Agent: per-conversation dialogue state.
        modelBuilder.ApplyConfiguration(new CopilotDialogueConfiguration());

        // Model monitoring (lead scoring helper): prediction log for drift and accuracy; job leases for single-runner jobs.
        modelBuilder.Entity<PredictionLogEntry>(e =>
        {
            e.ToTable("prediction_log");
            e.HasIndex(x => new { x.Task, x.PredictedAt });
            e.HasIndex(x => new { x.Task, x.SubjectId });
            e.Property(x => x.Task).HasMaxLength(64);
            e.Property(x => x.SubjectId).HasMaxLength(100);
        });
        modelBuilder.Entity<JobLease>(e =>
        {
            e.ToTable("job_leases");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Holder).HasMaxLength(200);
        });
        ChannelEntityConfiguration.Configure(modelBuilder);
        modelBuilder.ApplyConfiguration(new ApiKeyConfiguration());
        modelBuilder.ApplyConfiguration(new DashboardUserConfiguration());
        VariantEntityConfiguration.Configure(modelBuilder);
        VectorStoreConfiguration.Configure(modelBuilder);
        BusinessCostConfiguration.Configure(modelBuilder);
        CrmEntityConfiguration.Configure(modelBuilder);
        // Pricing / market opportunities: alerts raised once per key.
        modelBuilder.Entity<InvestmentAlert>(e =>
        {
            e.ToTable("investment_alerts");
            e.HasIndex(x => x.Key).IsUnique();
            e.HasIndex(x => x.RaisedAt);
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Region).HasMaxLength(100);
            e.Property(x => x.ParcelId).HasMaxLength(64);
        });
    }

    /// <summary>Stores a small collection as JSON text, identically on every provider.</summary>
    private static void JsonColumn<T>(PropertyBuilder<T> property) where T : class, new()
    {
        property.HasConversion(
                v => JsonSerializer.Serialize(v, JsonOptions),
                s => string.IsNullOrEmpty(s) ? new T() : JsonSerializer.Deserialize<T>(s, JsonOptions) ?? new T(),
                new ValueComparer<T>(
                    (a, b) => JsonSerializer.Serialize(a, JsonOptions) == JsonSerializer.Serialize(b, JsonOptions),
                    v => JsonSerializer.Serialize(v, JsonOptions).GetHashCode(StringComparison.Ordinal),
                    v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, JsonOptions), JsonOptions)!))
            .IsRequired();
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.General);
}
