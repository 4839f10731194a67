using System.Globalization;
using JorgeCopilot.Core.Import;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.LeadScoring;
using JorgeCopilot.Intelligence.Registry;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace JorgeCopilot.IntegrationTests.LeadScoring;

/// <summary>
/// A store holding a small sample of real bank-marketing contacts as leads (every 25th row, following the "Demo data"
/// contract: Source, ExternalId row-NNNNNN, the importer's generated display name, Channel = contact, CreatedAt = first
/// day of the contact month, one outcome per lead) and one small trained lead-scoring model. Prepared once per provider
/// and shared by the tests (<see cref="ForAsync"/>), or fresh for tests that must not see the others' writes.
/// </summary>
public sealed class BankMarketingStore
{
    public const int Every = 25;

    /// <summary>Small and fast: a few trees, two folds.</summary>
    public static readonly LeadModelOptions SmallOptions = new()
    {
        Folds = 2,
        Trees = 40,
        LearningRate = 0.1,
        MinLeafCount = 20,
        Candidates = [LeadAlgorithm.LightGbm, LeadAlgorithm.Logistic],
    };

    private static readonly Dictionary<StoreProvider, Lazy<Task<BankMarketingStore>>> Prepared = new()
    {
        [StoreProvider.Sqlite] = new(() => CreateAsync(StoreProvider.Sqlite)),
        [StoreProvider.Postgres] = new(() => CreateAsync(StoreProvider.Postgres)),
    };

    private BankMarketingStore(JorgeDbContextFactory factory, IReadOnlyList<long> leadIds, long emptyLeadId, TrainingOutcomeSummary training)
    {
        Factory = factory;
        LeadIds = leadIds;
        EmptyLeadId = emptyLeadId;
        Training = training;
    }

    public JorgeDbContextFactory Factory { get; }

    public IReadOnlyList<long> LeadIds { get; }

    /// <summary>A lead with no attributes, channel or messages.</summary>
    public long EmptyLeadId { get; }

    public TrainingOutcomeSummary Training { get; }

    public string ConnectionString => Factory.Connection.ConnectionString;

    public static Task<BankMarketingStore> ForAsync(StoreProvider provider) => Prepared[provider].Value;

    public static ModelRegistry Registry(JorgeDbContextFactory factory) => new(factory, TimeProvider.System, NullLogger<ModelRegistry>.Instance);

    public static LeadScoringTrainer Trainer(JorgeDbContextFactory factory, ModelRegistry? registry = null) =>
        new(new LeadRecordLoader(factory), registry ?? Registry(factory), NullLogger<LeadScoringTrainer>.Instance) { Options = SmallOptions };

    /// <summary>Sampled bank-marketing rows from the bundled data, else the shared copy.</summary>
    public static IReadOnlyList<LeadExample> SampleRows()
    {
        var mapping = LeadScoringEvalSuite.Mapping("bank-marketing.map.json");
        return MappedLeadExport.Read(DataPath(), mapping).Examples.Where(e => (e.Order - 1) % Every == 0).ToList();
    }

    /// <summary>The bundled bank-marketing file, else the shared copy.</summary>
    public static string DataPath()
    {
        var root = RepositoryFile("data", "bank-marketing", "bank-additional-full.csv.gz");
        return File.Exists(root) ? root : Path.Combine(SharedData(), "bank-marketing", "bank-additional-full.csv.gz");
    }

    /// <summary>A new store of its own, seeded and trained (a few seconds); <see cref="ForAsync"/> shares one per provider.</summary>
    public static async Task<BankMarketingStore> CreateAsync(StoreProvider provider)
    {
        var factory = await TestStores.CreateMigratedAsync(provider);
        var rows = SampleRows();
        var ids = new List<long>();
        await using (var db = factory.CreateDbContext())
        {
            var leads = rows.Select(r => ToLead(r)).ToList();
            db.Leads.AddRange(leads);
            db.Leads.Add(new Lead { Source = "test", ExternalId = "empty", DisplayName = "No Data", NameIsGenerated = true });
            await db.SaveChangesAsync();
            ids.AddRange(leads.Select(l => l.Id));
        }

        long emptyId;
        await using (var db = factory.CreateDbContext())
        {
            emptyId = db.Leads.Single(l => l.ExternalId == "empty").Id;
        }

        var outcome = await Trainer(factory).TrainAsync(new TrainingRequest(), null, CancellationToken.None);
        return new BankMarketingStore(factory, ids, emptyId, new TrainingOutcomeSummary(outcome.Version, outcome.PromotedToChampion, outcome.Metrics));
    }

    public static Lead ToLead(LeadExample row)
    {
        var externalId = $"row-{row.Order:000000}";
        var month = row.Lead.Attributes["month"];
        return new Lead
        {
            Source = "bank-marketing",
            ExternalId = externalId,
            SourceRow = (int)row.Order,
            // The same name `jorge seed` gives this row, so lookups by name meet the demo workspace's names and clashes.
            DisplayName = GeneratedNames.For("bank-marketing", externalId),
            NameIsGenerated = true,
            Channel = row.Lead.Attributes["contact"],
            CreatedAt = MonthOf(row.Order, month),
            Stage = LeadStages.New,
            Attributes = new Dictionary<string, string>(row.Lead.Attributes),
            Outcomes = [new LeadOutcome { Key = $"bank-marketing:{externalId}", Converted = row.Converted, OccurredAt = MonthOf(row.Order, month) }],
        };
    }

    // Rows run May 2008 to Nov 2010; a sampled row's year follows from its position (the file turns over the year
    // around rows 27,700 and 39,100), close enough for a creation date in tests.
    private static DateTime MonthOf(long row, string month)
    {
        var m = DateTime.ParseExact(month, "MMM", CultureInfo.InvariantCulture).Month;
        var year = row < 27_700 ? 2008 : row < 39_100 ? 2009 : 2010;
        return new DateTime(year, m, 1, 0, 0, 0, DateTimeKind.Utc);
    }

    private static string RepositoryFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JorgeCopilot.sln")))
            {
                return Path.Combine([dir.FullName, .. parts]);
            }
        }

        return Path.Combine(parts);
    }

    private static string SharedData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("bank-marketing data not found (data/bank-marketing or ../shared/data).");
    }
}

public sealed record TrainingOutcomeSummary(int Version, bool Promoted, IReadOnlyDictionary<string, double> Metrics);
