using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Intelligence.Conversations;
using Microsoft.Extensions.Options;
using Qdrant.Client;

namespace JorgeCopilot.Benchmarks.Behavior;

/// <summary>
/// Top-5 retrieval over the whole bundled corpus on Qdrant (gRPC endpoint in <c>QDRANT_URL</c>, e.g.
/// http://localhost:6334), with the served ranking choice. Without <c>QDRANT_URL</c> the program leaves this class out
/// and says so (<see cref="BenchmarkProgram"/>): there is no Qdrant server to measure.
/// Run: QDRANT_URL=http://localhost:6334 dotnet run -c Release --project tests/JorgeCopilot.Benchmarks -- --filter '*Qdrant*'
/// </summary>
[Config(typeof(InProcessShortRun))]
[MemoryDiagnoser]
public class QdrantRetrievalBenchmarks
{
    public const string UrlVariable = "QDRANT_URL";
    private const string Query = "I don't really trust big charities, how much of the money actually reaches the kids?";

    private ConversationIndexModel index = null!;
    private QdrantVectorCollection qdrant = null!;

    /// <summary>The Qdrant endpoint, or null when this machine has none.</summary>
    public static string? Url => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url : null;

    [GlobalSetup]
    public void Setup()
    {
        var url = Url ?? throw new InvalidOperationException($"Set {UrlVariable} to benchmark Qdrant.");
        var data = new DataLocator(Options.Create(new DataOptions()));
        (index, var documents) = BundledCorpus.Embedded(data);

        qdrant = new QdrantVectorCollection(new QdrantClient(new Uri(url)), "bench-retrieval");
        qdrant.EnsureCollectionDeletedAsync().GetAwaiter().GetResult();
        qdrant.EnsureCollectionExistsAsync().GetAwaiter().GetResult();
        foreach (var chunk in documents.Chunk(500))
        {
            qdrant.UpsertAsync(chunk).GetAwaiter().GetResult();
        }

        Console.WriteLine($"// indexed items on Qdrant: {documents.Count}; ranking: {index.Ranking}");
    }

    [Benchmark]
    public async Task<int> Top5VectorOnQdrant() =>
        (await HybridRanker.SearchAsync(qdrant, index, new ConversationQuery(Query, Top: 5, Mode: RankingMode.Vector), default)).Count;

    [Benchmark]
    public async Task<int> Top5HybridWonTurnsOnQdrant() =>
        (await HybridRanker.SearchAsync(qdrant, index, new ConversationQuery(Query, new ConversationFilter(Outcome: Outcomes.Won, Kind: ConversationKinds.Turn), 5), default)).Count;

    [Benchmark]
    public async Task<int> Top5HybridConversationsOnQdrant() =>
        (await HybridRanker.SearchAsync(qdrant, index, new ConversationQuery(Query, new ConversationFilter(Kind: ConversationKinds.Conversation), 5), default)).Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        qdrant.EnsureCollectionDeletedAsync().GetAwaiter().GetResult();
        qdrant.Dispose();
    }

    /// <summary>In process, as <see cref="BehaviorBenchmarks"/>.</summary>
    private sealed class InProcessShortRun : ManualConfig
    {
        public InProcessShortRun() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
