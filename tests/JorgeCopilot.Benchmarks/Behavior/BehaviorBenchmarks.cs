using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Behavior;
using JorgeCopilot.Intelligence.Conversations;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Benchmarks.Behavior;

/// <summary>
/// Objection prediction for one message (the served model, trained on every annotated sentence), and top-5 retrieval over
/// the whole bundled corpus (Persuasion For Good + CaSiNo: every conversation plus the objection turns of the won ones)
/// on the embedded store, with its rows in memory and in SQLite (where each search also checks the collection's revision),
/// ranked with the served choice (data/conversation-ranking.json). Qdrant: <see cref="QdrantRetrievalBenchmarks"/>.
/// Run: dotnet run -c Release --project tests/JorgeCopilot.Benchmarks -- --filter '*Behavior*'
/// </summary>
[Config(typeof(InProcessShortRun))]
[MemoryDiagnoser]
public class BehaviorBenchmarks
{
    private const string Query = "I don't really trust big charities, how much of the money actually reaches the kids?";

    private ObjectionModel objections = null!;
    private ConversationIndexModel index = null!;
    private EmbeddedVectorCollection memory = null!;
    private EmbeddedVectorCollection sqlite = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = new DataLocator(Options.Create(new DataOptions()));
        var map = ObjectionMap.Load(data);
        objections = ObjectionModel.Train(ObjectionData.Read(data, map));

        (index, var documents) = BundledCorpus.Embedded(data);

        memory = new EmbeddedVectorCollection("bench", new MemoryVectorPersistence());
        memory.EnsureCollectionExistsAsync().GetAwaiter().GetResult();
        memory.UpsertAsync(documents).GetAwaiter().GetResult();

        var file = Path.Combine(Directory.CreateTempSubdirectory("jorge-bench-").FullName, "jorge.db");
        var store = new JorgeDbContextFactory(new StoreConnection(StoreProvider.Sqlite, $"Data Source={file}", IsEmbeddedDefault: false));
        store.MigrateAsync().GetAwaiter().GetResult();
        sqlite = new EmbeddedVectorCollection("bench", new StoreVectorPersistence(store));
        sqlite.EnsureCollectionExistsAsync().GetAwaiter().GetResult();
        sqlite.UpsertAsync(documents).GetAwaiter().GetResult();
        Console.WriteLine($"// indexed items: {documents.Count}; ranking: {index.Ranking}");
    }

    [Benchmark]
    public string PredictObjection() => objections.Distribution(Query)[0].Objection;

    [Benchmark]
    public async Task<int> Top5VectorInMemory() =>
        (await HybridRanker.SearchAsync(memory, index, new ConversationQuery(Query, Top: 5, Mode: RankingMode.Vector), default)).Count;

    [Benchmark]
    public async Task<int> Top5HybridInMemory() =>
        (await HybridRanker.SearchAsync(memory, index, new ConversationQuery(Query, Top: 5), default)).Count;

    [Benchmark]
    public async Task<int> Top5HybridWonTurnsInMemory() =>
        (await HybridRanker.SearchAsync(memory, index, new ConversationQuery(Query, new ConversationFilter(Outcome: Outcomes.Won, Kind: ConversationKinds.Turn), 5), default)).Count;

    [Benchmark]
    public async Task<int> Top5HybridConversationsInMemory() =>
        (await HybridRanker.SearchAsync(memory, index, new ConversationQuery(Query, new ConversationFilter(Kind: ConversationKinds.Conversation), 5), default)).Count;

    [Benchmark]
    public async Task<int> Top5HybridOnSqlite() =>
        (await HybridRanker.SearchAsync(sqlite, index, new ConversationQuery(Query, Top: 5), default)).Count;

    /// <summary>In process: on two cores shared by several builds, generating and building a benchmark exe times out.</summary>
    private sealed class InProcessShortRun : ManualConfig
    {
        public InProcessShortRun() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        memory.Dispose();
        sqlite.Dispose();
    }
}
