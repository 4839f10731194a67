using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Core.Variants;
using JorgeCopilot.Intelligence.Variants;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Benchmarks.Variants;

/// <summary>
/// Variants for one lead. <c>DrawAndGenerate*</c>: the in-process work (bandit draw with 2,000-draw Monte Carlo
/// propensities over six arms, cached per posterior state, exemplar lookup in a corpus-sized index, three templates filled). <c>ServeFromStore</c>:
/// the whole request on a SQLite file (lead, last score, arms, served-variant log). The bar is p99 &lt; 10 ms; P100 is
/// shown so it can be read off.
/// Run: dotnet run -c Release --project tests/JorgeCopilot.Benchmarks -- --filter '*VariantsBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class VariantsBenchmarks
{
    private readonly IOptions<VariantsOptions> _options = Options.Create(new VariantsOptions { Seed = 1 });
    private VariantBandit _bandit = null!;
    private VariantGenerator _generator = null!;
    private IExemplarSource _exemplars = null!;
    private VariantArm[] _arms = null!;
    private LeadProfile _profile = null!;
    private VariantService _service = null!;
    private long _leadId;

    [GlobalSetup]
    public async Task Setup()
    {
        _bandit = new VariantBandit(_options);
        _generator = new VariantGenerator(new VariantTemplates(), _options, NullLogger<VariantGenerator>.Instance);
        _exemplars = new FixedExemplars();
        _arms = Strategies.All.Select((s, i) => new VariantArm { Id = i + 1, Segment = "temperature=warm|stage=new", Strategy = s, Trials = 200 + i * 10, Successes = 20 + i * 3 }).ToArray();
        _profile = LeadProfile.From("Maria Lopez", false, "seller", "Ballard");

        var file = Path.Combine(Directory.CreateTempSubdirectory("jorge-bench-").FullName, "jorge.db");
        var factory = new JorgeDbContextFactory(new StoreConnection(StoreProvider.Sqlite, $"Data Source={file}", false));
        await factory.MigrateAsync();
        await using (var db = factory.CreateDbContext())
        {
            var lead = new Lead { Source = "bench", ExternalId = "1", DisplayName = "Maria Lopez", Phone = "+12065550100", Attributes = new() { ["intent"] = "seller" } };
            db.Leads.Add(lead);
            await db.SaveChangesAsync();
            _leadId = lead.Id;
        }

        _service = new VariantService(factory, new ExperimentStore(factory, TimeProvider.System), _bandit, _generator, _exemplars, _options,
            TimeProvider.System, NullLogger<VariantService>.Instance);
        await ServeFromStore();
    }

    /// <summary>Counts unchanged since the last request: propensities come from the per-state cache.</summary>
    [Benchmark]
    public Task<int> DrawAndGenerate() => Serve(_arms);

    /// <summary>A count moved since the last request (the worst case): propensities are re-estimated by Monte Carlo.</summary>
    [Benchmark]
    public Task<int> DrawAndGenerateAfterAnOutcome()
    {
        _arms[0].Trials++;
        return Serve(_arms);
    }

    private async Task<int> Serve(VariantArm[] arms)
    {
        var ranked = _bandit.Rank(arms, 3);
        var made = 0;
        foreach (var pick in ranked)
        {
            var grounding = await _exemplars.WinningTurnsAsync(pick.Arm.Strategy, 2, CancellationToken.None);
            if (_generator.Generate(pick.Arm.Strategy, _profile, "reply", 1) is not null && grounding.Count > 0)
            {
                made++;
            }
        }

        return made;
    }

    [Benchmark]
    public async Task<VariantResult> ServeFromStore() =>
        await _service.GenerateAsync(new VariantRequest(_leadId, Count: 3), CancellationToken.None);

    private sealed class FixedExemplars : IExemplarSource
    {
        // About as many annotated winning turns per strategy as the two corpora give.
        private readonly Dictionary<string, List<Exemplar>> _index = Strategies.All.ToDictionary(s => s,
            s => Enumerable.Range(0, 1_500).Select(i => new Exemplar("persuasion-for-good", $"d{i}", i % 20, s, "Every little bit helps the children.", i % 3)).ToList());

        public Task<IReadOnlyList<Exemplar>> WinningTurnsAsync(string strategy, int count, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Exemplar>>(_index[strategy].Take(count).ToList());
    }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P95, StatisticColumn.Max);
    }
}
