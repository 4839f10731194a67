using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// <c>jorge train pricing</c>: measures on the random parcel holdout (80/20, seed 1), then fits the served model on every
/// sale (with out-of-fold values for undervalued homes) and registers it. Data: the store's sales (King County once
/// seeded), the bundled/shared King County file when the store has none, or <c>--data</c> with <c>--map</c>.
/// </summary>
public sealed class PricingTrainer(
    IDbContextFactory<JorgeDbContext> stores,
    PriceModelProvider registry,
    DataLocator data,
    ILogger<PricingTrainer> logger) : IModelTrainer
{
    public string Task => PriceModelProvider.Task;

    public string Description => "Price model (LightGBM on log price, conformal 80/95% intervals) from the store's sales or --data/--map.";

    public PriceModelOptions Options { get; init; } = new() { OutOfFold = true };

    public async Task<TrainingOutcome> TrainAsync(TrainingRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (sales, description) = await LoadAsync(request, cancellationToken);
        if (sales.Count < 100)
        {
            throw new InvalidOperationException($"Only {sales.Count} sales with a price: the price model needs at least 100.");
        }

        var steps = Options.OutOfFold ? 8 : 3;
        var done = 0;
        var report = new Progress<string>(message =>
        {
            done = Math.Min(done + 1, steps);
            progress?.Report(new ImportProgress($"pricing: {message}", done, steps));
        });
        var (train, test) = PricingHoldout.RandomSplit(sales);
        var holdout = await System.Threading.Tasks.Task.Run(() => PricingHoldout.Evaluate(train, test, Options with { OutOfFold = false }, "", report), cancellationToken);
        var model = await System.Threading.Tasks.Task.Run(() => PriceModelBuilder.Train(sales, Options, report), cancellationToken);
        var metrics = new Dictionary<string, double>(holdout.Metrics)
        {
            ["train_sales"] = train.Count,
            ["test_sales"] = test.Count,
        };
        var (version, promoted, reason) = await registry.SaveAsync(model, metrics, description, cancellationToken);
        logger.LogInformation("Pricing model v{Version} trained on {Sales} sales; held-out mdape {Mdape:P2}; champion {Promoted}", version, sales.Count, metrics["mdape"], promoted);
        return new TrainingOutcome(Task, version, model.Info.Algorithm, metrics, promoted, reason);
    }

    private async Task<(IReadOnlyList<HomeSale> Sales, string Description)> LoadAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        if (request.DataPath is { } path)
        {
            if (request.MapPath is not { } map)
            {
                throw new ArgumentException("--data needs --map: a mapping file describing the export's columns.");
            }

            return (SalesExportReader.Read(path, map), $"export {Path.GetFileName(path)}");
        }

        await using var db = await stores.CreateDbContextAsync(cancellationToken);
        var rows = await db.Sales.AsNoTracking().Include(s => s.Property)
            .Where(s => s.SalePrice != null && s.SalePrice > 0).ToListAsync(cancellationToken);
        if (rows.Count > 0)
        {
            var sources = string.Join(",", rows.Select(r => r.Source ?? "store").Distinct().Order());
            return (rows.Select(r => new HomeSale(r.Property!.ParcelId, r.SaleDate, (double)r.SalePrice!.Value, PricingService.ToFeatures(r.Property))).ToList(),
                $"store sales ({sources})");
        }

        var file = KingCountyFile(data) ?? throw new InvalidOperationException(
            "The store has no sales and the King County file was not found: run `jorge seed` or pass --data and --map.");
        return (KingCountySales.Read(file), "kc-house file");
    }

    /// <summary>The King County file: bundled data/kc-house, else the shared data folder.</summary>
    public static string? KingCountyFile(DataLocator data)
    {
        ArgumentNullException.ThrowIfNull(data);
        string? bundled = null;
        try
        {
            bundled = data.Bundled("kc-house", KingCountySales.FileName);
        }
        catch (DirectoryNotFoundException)
        {
            // No bundled folder beside this program; the shared folder may still have the file.
        }

        if (bundled is not null && File.Exists(bundled))
        {
            return bundled;
        }

        var shared = data.SharedDirectory() is { } dir ? Path.Combine(dir, "kc-house", KingCountySales.FileName) : null;
        return shared is not null && File.Exists(shared) ? shared : null;
    }
}
