using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using JorgeCopilot.Intelligence.Forecasting;

namespace JorgeCopilot.Benchmarks.Forecasting;

/// <summary>
/// Fitting every candidate (seasonal naive, two Holt-Winters, Theta, and the global LightGBM) and forecasting 12
/// months, for Seattle alone and for all 85 Zillow series; plus the full engine (inner backtests, weights, conformal
/// bands) for Seattle. The peer's figure for the same work is printed by evals/baselines/forecasting_baseline.py.
/// Run: dotnet run -c Release --project tests/JorgeCopilot.Benchmarks -- --filter '*Forecasting*'
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class ForecastingBenchmarks
{
    private IReadOnlyList<ForecastSeries> _metros = null!;
    private ForecastSeries _seattle = null!;
    private readonly ForecastOptions _options = new();

    [GlobalSetup]
    public void Setup()
    {
        _metros = MarketSeriesFiles.ZillowSalesCounts(ZillowPath());
        _seattle = _metros.First(s => s.Key == ForecastingEvalSuite.SeattleKey);
    }

    [Benchmark]
    public int FitAllCandidatesOneSeries()
    {
        var cache = new CandidateCache([_seattle], _options);
        return cache.Get(0, _seattle.Values.Length).Count;
    }

    [Benchmark]
    public int FitAllCandidatesAll85Series()
    {
        var cache = new CandidateCache(_metros, _options);
        var total = 0;
        for (var i = 0; i < _metros.Count; i++)
        {
            total += cache.Get(i, _metros[i].Values.Length).Count;
        }

        return total;
    }

    [Benchmark]
    public SeriesForecast FullEngineOneSeriesWithoutGlobalModel() =>
        new ForecastEngine(_options with { UseGlobalModel = false, Parallelism = 1 }).Forecast([_seattle], _seattle.Values.Length)[0];

    private static string ZillowPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "zillow-metro-monthly", MarketSeriesFiles.ZillowFile);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(MarketSeriesFiles.ZillowFile);
    }
}
