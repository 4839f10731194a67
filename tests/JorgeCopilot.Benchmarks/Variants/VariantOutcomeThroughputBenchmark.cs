using BenchmarkDotNet.Attributes;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Core.Variants;
using JorgeCopilot.Intelligence.Variants;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JorgeCopilot.Benchmarks.Variants;

/// <summary>
/// Outcome updates against PostgreSQL: <see cref="Outcomes"/> distinct served variants get their outcome from 16
/// concurrent tasks per invocation (each a transaction of conditional updates plus the arm increment). Updates per
/// second = 1 / the reported per-operation time. Needs <c>JORGE_BENCH_POSTGRES</c> (an admin connection string; a
/// fresh database is created in it).
/// Run: JORGE_BENCH_POSTGRES="Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres" dotnet run -c Release --project tests/JorgeCopilot.Benchmarks -- --filter '*VariantOutcomeThroughput*' --job short
/// </summary>
public class VariantOutcomeThroughputBenchmark
{
    public const int Outcomes = 480;
    private VariantService _service = null!;
    private readonly Queue<Guid[]> _batches = new();

    [GlobalSetup]
    public async Task Setup()
    {
        var admin = Environment.GetEnvironmentVariable("JORGE_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("Set JORGE_BENCH_POSTGRES to an admin connection string.");
        var name = "jorge_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var factory = new JorgeDbContextFactory(new StoreConnection(StoreProvider.Postgres, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, false));
        await factory.MigrateAsync();
        var options = Options.Create(new VariantsOptions { Seed = 1, LookEvery = 1_000_000 });
        _service = new VariantService(factory, new ExperimentStore(factory, TimeProvider.System), new VariantBandit(options),
            new VariantGenerator(new VariantTemplates(), options, NullLogger<VariantGenerator>.Instance), new NoExemplars(), options,
            TimeProvider.System, NullLogger<VariantService>.Instance);

        // Enough served ids for every invocation BenchmarkDotNet's short job makes, served up front so only outcomes are timed.
        for (var batch = 0; batch < 40; batch++)
        {
            var ids = new List<Guid>();
            while (ids.Count < Outcomes)
            {
                var set = (await _service.GenerateAsync(new VariantRequest(Context: new VariantContext(Temperature: "warm"), Count: 6), CancellationToken.None)).Set!;
                ids.AddRange(set.Variants.Select(v => v.ServedId));
            }

            _batches.Enqueue(ids.Take(Outcomes).ToArray());
        }
    }

    [Benchmark(OperationsPerInvoke = Outcomes)]
    public async Task RecordOutcomes()
    {
        var ids = _batches.Count > 1 ? _batches.Dequeue() : _batches.Peek();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (id, ct) => await _service.RecordOutcomeAsync(id, (id.GetHashCode() & 1) == 0 ? OutcomeLevel.Reply : OutcomeLevel.NoReply, ct));
    }

    private sealed class NoExemplars : IExemplarSource
    {
        public Task<IReadOnlyDictionary<string, IReadOnlyList<Exemplar>>> WinningTurnsAsync(ExemplarQuery query, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<Exemplar>>>(new Dictionary<string, IReadOnlyList<Exemplar>>());
    }
}
