using JorgeCopilot.Core.Data;
using JorgeCopilot.Intelligence.Conversations;
using JorgeCopilot.Intelligence.Variants;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.VectorData;

namespace JorgeCopilot.UnitTests.Conversations;

/// <summary>
/// The sparse index must change the cost of a search and nothing else: every search is compared with the dense scan
/// (<c>Pruning = false</c>, the code the store ran before the index existed) on real corpus vectors.
/// </summary>
public sealed class SparseRowIndexTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ConversationFilter WonTurns = new(Outcome: Outcomes.Won, Kind: ConversationKinds.Turn);

    private static readonly Lazy<Corpus> Shared = new(Corpus.Load);

    [Fact]
    public async Task Pruned_search_returns_the_same_rows_and_scores_as_the_dense_scan_over_a_real_corpus()
    {
        var corpus = Shared.Value;
        var compared = 0;
        foreach (var text in corpus.Queries)
        {
            var vector = corpus.Model.Embedding.Embed(text);
            foreach (var (top, filter) in new[] { (5, (ConversationFilter?)null), (50, WonTurns), (240, WonTurns), (7, new ConversationFilter(Corpus: "casino")) })
            {
                var options = new VectorSearchOptions<ConversationVector> { Filter = filter?.ToExpression() };
                var pruned = await Search(corpus.Pruned, vector, top, options);
                var dense = await Search(corpus.Dense, vector, top, options);

                pruned.ShouldBe(dense, $"query '{text}', top {top}");
                compared += pruned.Count;
            }
        }

        compared.ShouldBeGreaterThan(corpus.Queries.Count * 250);
    }

    [Fact]
    public async Task Variant_exemplars_are_the_same_with_and_without_the_index()
    {
        var corpus = Shared.Value;
        var pruned = new RetrievedExemplarSource(new RankerSearch(corpus.Pruned, corpus.Model), TimeProvider.System);
        var dense = new RetrievedExemplarSource(new RankerSearch(corpus.Dense, corpus.Model), TimeProvider.System);
        var profile = LeadProfile.From("Maria Lopez", false, "seller", "Ballard");
        var found = 0;
        foreach (var message in corpus.Queries.Take(40))
        {
            var query = new ExemplarQuery(VariantService.Situation("reply", profile, message), Strategies.All, 2);

            var a = await pruned.WinningTurnsAsync(query, Ct);
            var b = await dense.WinningTurnsAsync(query, Ct);

            foreach (var strategy in Strategies.All)
            {
                a[strategy].ShouldBe(b[strategy], $"{strategy} for '{message}'");
                found += a[strategy].Count;
            }
        }

        found.ShouldBeGreaterThan(40);
    }

    [Fact]
    public void No_row_scores_above_its_bound()
    {
        const int dims = 64;
        const int rows = 300;
        var random = new Random(7);
        var matrix = new float[rows * dims];
        for (var i = 0; i < matrix.Length; i++)
        {
            // Most rows sparse (1 in 8 set), every tenth row dense, values of both signs as the signed hashing gives.
            matrix[i] = (i / dims % 10 == 0 || random.Next(8) == 0) ? (float)(random.NextDouble() - 0.5) : 0f;
        }

        var index = SparseRowIndex.Build(matrix, rows, dims);
        var bounds = new double[rows];
        for (var trial = 0; trial < 50; trial++)
        {
            var query = Enumerable.Range(0, dims).Select(_ => random.Next(3) == 0 ? (float)(random.NextDouble() - 0.5) : 0f).ToArray();

            index.UpperBounds(query, bounds);

            for (var r = 0; r < rows; r++)
            {
                var exact = System.Numerics.Tensors.TensorPrimitives.Dot(query, matrix.AsSpan(r * dims, dims));
                bounds[r].ShouldBeGreaterThanOrEqualTo(exact);
            }
        }
    }

    [Fact]
    public void A_dense_row_gets_no_bound_and_a_sparse_row_a_tight_one()
    {
        const int dims = 16;
        var matrix = new float[2 * dims];
        matrix.AsSpan(0, dims).Fill(0.25f);
        matrix[dims + 3] = 1;
        var query = new float[dims];
        query[3] = 0.5f;
        var bounds = new double[2];

        SparseRowIndex.Build(matrix, 2, dims).UpperBounds(query, bounds);

        bounds[0].ShouldBe(double.PositiveInfinity);
        bounds[1].ShouldBe(0.5, 0.01);
    }

    private static async Task<List<(string Key, double? Score)>> Search(EmbeddedVectorCollection collection, float[] vector, int top,
        VectorSearchOptions<ConversationVector> options)
    {
        var hits = new List<(string, double?)>();
        await foreach (var hit in collection.SearchAsync(vector, top, options, Ct))
        {
            hits.Add((hit.Record.Key, hit.Score));
        }

        return hits;
    }

    private sealed class RankerSearch(EmbeddedVectorCollection collection, ConversationIndexModel model) : IConversationSearch
    {
        public async Task<ConversationSearchResult> SearchAsync(ConversationQuery query, CancellationToken cancellationToken) =>
            new(await HybridRanker.SearchAsync(collection, model, query, cancellationToken), model.Version, "embedded");
    }

    /// <summary>Both bundled corpora, indexed once for the class: the vectors the app serves from.</summary>
    private sealed record Corpus(EmbeddedVectorCollection Pruned, EmbeddedVectorCollection Dense, ConversationIndexModel Model, List<string> Queries)
    {
        public static Corpus Load()
        {
            var data = new DataLocator(Options.Create(new DataOptions { BundledDirectory = RepositoryRoot.File("data") }));
            var conversations = CorpusFiles.ReadPersuasionForGood(data).Concat(CorpusFiles.ReadCasino(data)).ToList();
            for (var i = 0; i < conversations.Count; i++)
            {
                conversations[i].Id = i + 1;
            }

            var documents = conversations.SelectMany(ConversationDocuments.For).ToList();
            var model = ConversationIndexModel.Fit(documents.Select(d => d.Text).ToList());
            foreach (var d in documents)
            {
                d.Vector = model.Embedding.Embed(d.Text);
            }

            var persistence = new MemoryVectorPersistence();
            var pruned = new EmbeddedVectorCollection("sparse-test", persistence);
            var dense = new EmbeddedVectorCollection("sparse-test", persistence) { Pruning = false };
            pruned.EnsureCollectionExistsAsync().GetAwaiter().GetResult();
            pruned.UpsertAsync(documents).GetAwaiter().GetResult();

            // Lead-like messages never seen by the index, and turns of the corpus itself (exact duplicates score ties).
            List<string> queries =
            [
                "Not sure we want to sell before spring, the market feels slow and I don't trust the price you'd get",
                "why should I pay your commission when zillow says my house is worth more",
                "we need the food more than the firewood, my kids are hungry",
                "I already donate to other charities, I can't give more right now",
                "can you call me back next week? busy with the move",
            ];
            queries.AddRange(documents.Where(d => d.Kind == ConversationKinds.Turn).Where((_, i) => i % 97 == 0).Select(d => d.Text));
            return new Corpus(pruned, dense, model, queries);
        }
    }
}
