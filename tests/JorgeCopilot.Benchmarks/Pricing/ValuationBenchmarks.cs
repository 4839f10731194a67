using BenchmarkDotNet.Attributes;
using JorgeCopilot.Intelligence.Pricing;

namespace JorgeCopilot.Benchmarks.Pricing;

/// <summary>
/// One in-process valuation with comparables and explanation (exact TreeSHAP over the served trees) on a model trained on the
/// real King County sales (when the file is found; else it fails loudly rather than measuring something else).
/// Run: dotnet run -c Release --project tests/JorgeCopilot.Benchmarks -- --filter '*Valuation*' --job short
/// </summary>
[MemoryDiagnoser]
public class ValuationBenchmarks
{
    private PriceModel _model = null!;
    private HomeSale _subject = null!;

    [GlobalSetup]
    public void Setup()
    {
        var file = new[] { "data/kc-house", "../shared/data/kc-house", "/work/shared/data/kc-house" }
            .Select(d => Path.Combine(d, KingCountySales.FileName))
            .Concat(Ancestors().Select(d => Path.Combine(d, "shared", "data", "kc-house", KingCountySales.FileName)))
            .FirstOrDefault(File.Exists) ?? throw new FileNotFoundException("kc_house_data.csv.gz not found for the valuation benchmark.");
        var sales = KingCountySales.Read(file);
        _model = PriceModelBuilder.Train(sales, new PriceModelOptions { Calibration = ConformalMode.Recent });
        _subject = sales[1234];
        var (share, values) = _model.ExplainerTables;
        Console.WriteLine($"// Explainer tables: {share:P0} of trees, {values:N0} values ({values * 8 / 1e6:F0} MB)");
    }

    [Benchmark]
    public Valuation ValueWithComparablesAndExplanation() => HomeValuator.Value(_model, _subject.Home, _subject.ParcelId);

    [Benchmark]
    public PriceEstimate EstimateOnly() => _model.Estimate(_subject.Home, _model.Info.LastSale, _subject.ParcelId);

    private static IEnumerable<string> Ancestors()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            yield return dir.FullName;
        }
    }
}
