using BenchmarkDotNet.Attributes;
using JorgeCopilot.Intelligence.LeadScoring;

namespace JorgeCopilot.Benchmarks;

/// <summary>
/// Lead scoring in process, with a production-sized model (LightGBM, 200 trees of 16 leaves, conformal interval)
/// trained on 8,000 real bank-marketing rows: one lead scored (features, pooled prediction engine, interval), one lead
/// scored and explained (exact TreeSHAP + reasons), and a batch of 10,000 leads.
/// Run: dotnet run -c Release --project tests/JorgeCopilot.Benchmarks -- --filter '*LeadScoring*'
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class LeadScoringBenchmarks
{
    private LeadScoringModel _model = null!;
    private LeadRecord _lead = null!;
    private List<LeadRecord> _batch = null!;

    [GlobalSetup]
    public void Setup()
    {
        var mapping = LeadScoringEvalSuite.Mapping("bank-marketing.map.json");
        var path = BankMarketingPath();
        var export = MappedLeadExport.Read(path, mapping);
        var rows = export.Examples;
        var training = rows.Where((_, i) => i % 5 == 0).Take(8000).ToList();
        _model = LeadModelFitter.Fit(training, new LeadModelOptions { Folds = 2, Candidates = [LeadAlgorithm.LightGbm] },
            export.Kinds, export.MissingValues);
        _lead = rows[12345].Lead;
        _batch = rows.Take(10_000).Select(r => r.Lead).ToList();
    }

    [Benchmark]
    public LeadPrediction ScoreOneLead() => _model.Predict(_lead);

    [Benchmark]
    public LeadExplanation ScoreAndExplainOneLead() => _model.Explain(_lead);

    [Benchmark]
    public LeadPrediction[] ScoreBatchOf10000() => _model.PredictBatch(_batch.Select(_model.Features.Transform).ToList());

    private static string BankMarketingPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[]
                     {
                         Path.Combine(dir.FullName, "data", "bank-marketing", "bank-additional-full.csv.gz"),
                         Path.Combine(dir.FullName, "shared", "data", "bank-marketing", "bank-additional-full.csv.gz"),
                     })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("bank-marketing data not found (data/ or ../shared/data).");
    }
}
