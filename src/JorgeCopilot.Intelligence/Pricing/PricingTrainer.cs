using System.Text.Json;
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
/// Registered through the shared <see cref="IModelRegistry"/>: the challenger's held-out mdape is compared with the
/// champion's on the same held-out sales (see <see cref="ChampionMdapeAsync"/>).
/// </summary>
public sealed class PricingTrainer(
    IDbContextFactory<JorgeDbContext> stores,
    IModelRegistry registry,
    DataLocator data,
    ILogger<PricingTrainer> logger) : IModelTrainer
{
    public string Task => PriceModelProvider.Task;

    /// <summary>
    /// Options for the held-out measurement: split conformal (15% of training parcels calibrate), so the measurement costs
    /// one fit instead of the cross-fit's five per member (the eval suite measures cross-fit intervals on the same split).
    /// </summary>
    public PriceModelOptions HoldoutOptions { get; init; } = new() { Calibration = ConformalMode.Split };

    public string Description => "Price model (LightGBM on log price, conformal 80/95% intervals) from the store's sales or --data/--map.";

    /// <summary>The served model values homes after its last sale, so its intervals are calibrated forward (recent sales).</summary>
    public PriceModelOptions Options { get; init; } = new() { OutOfFold = true, Calibration = ConformalMode.Recent };

    public async Task<TrainingOutcome> TrainAsync(TrainingRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (sales, description, labels) = await LoadAsync(request, cancellationToken);
        if (sales.Count < 100)
        {
            throw new InvalidOperationException($"Only {sales.Count} sales with a price: the price model needs at least 100.");
        }

        var steps = PriceModelBuilder.ProgressSteps(HoldoutOptions) + PriceModelBuilder.ProgressSteps(Options);
        var done = 0;
        var report = new Progress<string>(message =>
        {
            done = Math.Min(done + 1, steps);
            progress?.Report(new ImportProgress($"pricing: {message}", done, steps));
        });
        var (train, test) = PricingHoldout.RandomSplit(sales);
        var holdout = await System.Threading.Tasks.Task.Run(() => PricingHoldout.Evaluate(train, test, HoldoutOptions, "", report, labels), cancellationToken);
        var model = await System.Threading.Tasks.Task.Run(() => PriceModelBuilder.Train(sales, Options, report, labels: labels), cancellationToken);
        var metrics = new Dictionary<string, double>(holdout.Metrics)
        {
            ["train_sales"] = train.Count,
            ["test_sales"] = test.Count,
        };
        var (championMdape, championVersion) = await ChampionMdapeAsync(test, description, cancellationToken);
        var schema = JsonSerializer.Serialize(new
        {
            label = "log(sale price)",
            features = model.FeatureNames.Select(n => n.Name),
            labels = model.FeatureNames.Select(n => n.Label),
            warnings = model.Info.Warnings,
            conformal = model.Conformal,
            sales = model.Info.Sales,
        });
        var registration = await registry.RegisterAsync(
            new ModelCandidate(Task, model.Info.Algorithm, model.Info.FirstSale.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                model.Info.LastSale.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), description, metrics, schema, model.ToBytes()),
            new ChampionComparison("mdape", HigherIsBetter: false, metrics["mdape"], championMdape, championVersion),
            cancellationToken);
        logger.LogInformation("Pricing model v{Version} trained on {Sales} sales; held-out mdape {Mdape:P2}; champion {Promoted}",
            registration.Version.Version, sales.Count, metrics["mdape"], registration.Promoted);
        var warnings = model.Info.Warnings ?? [];
        foreach (var warning in warnings)
        {
            logger.LogWarning("Pricing data warning: {Warning}", warning);
        }

        var reason = warnings.Count == 0 ? registration.Reason : $"{registration.Reason}. Warning: {string.Join(" ", warnings)}";
        return new TrainingOutcome(Task, registration.Version.Version, model.Info.Algorithm, registration.Version.Metrics, registration.Promoted, reason);
    }

    /// <summary>
    /// The champion's mdape on the same held-out sales. The served champion was fitted on every sale it had, so it is
    /// scored directly only when none of the held-out parcels were in its pool; when they were and it came from the
    /// same data, its registered mdape is the one its recipe measured on these same rows (the split is by parcel hash);
    /// otherwise it cannot be compared fairly (null: the challenger wins).
    /// </summary>
    private async Task<(double? Mdape, int? Version)> ChampionMdapeAsync(IReadOnlyList<HomeSale> test, string description, CancellationToken cancellationToken)
    {
        var champion = await registry.GetChampionSummaryAsync(Task, cancellationToken);
        if (champion is null)
        {
            return (null, null);
        }

        try
        {
            var stored = await registry.GetAsync(Task, champion.Version, cancellationToken);
            var model = PriceModel.FromBytes(stored!.ModelBytes);
            var pool = model.Index.Sales.Select(s => s.ParcelId).ToHashSet(StringComparer.Ordinal);
            var scored = test.Where(s => s.Price > 0).ToList();
            if (scored.Count > 0 && !scored.Any(s => pool.Contains(s.ParcelId)))
            {
                var predicted = scored.Select(s => model.Estimate(s.Home, s.SaleDate, s.ParcelId).Value).ToArray();
                return (PriceMetrics.Compute(scored.Select(s => s.Price).ToArray(), predicted, "")["mdape"], champion.Version);
            }
        }
        catch (InvalidDataException ex)
        {
            logger.LogWarning(ex, "Pricing champion v{Version} could not be loaded for comparison", champion.Version);
            return (null, champion.Version);
        }

        return champion.DataDescription == description && champion.Metrics.TryGetValue("mdape", out var recorded)
            ? (recorded, champion.Version)
            : (null, champion.Version);
    }

    private async Task<(IReadOnlyList<HomeSale> Sales, string Description, IReadOnlyDictionary<string, string>? Labels)> LoadAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        if (request.DataPath is { } path)
        {
            if (request.MapPath is not { } map)
            {
                throw new ArgumentException("--data needs --map: a mapping file describing the export's columns.");
            }

            var export = SalesExportReader.ReadExport(path, map);
            return (export.Sales, $"export {Path.GetFileName(path)}", export.Labels);
        }

        await using var db = await stores.CreateDbContextAsync(cancellationToken);
        var rows = await db.Sales.AsNoTracking().Include(s => s.Property)
            .Where(s => s.SalePrice != null && s.SalePrice > 0).ToListAsync(cancellationToken);
        if (rows.Count > 0)
        {
            var sources = string.Join(",", rows.Select(r => r.Source ?? "store").Distinct().Order());
            return (rows.Select(r => new HomeSale(r.Property!.ParcelId, r.SaleDate, (double)r.SalePrice!.Value, PricingService.ToFeatures(r.Property))).ToList(),
                $"store sales ({sources})", null);
        }

        var file = KingCountyFile(data) ?? throw new InvalidOperationException(
            "The store has no sales and the King County file was not found: run `jorge seed` or pass --data and --map.");
        return (KingCountySales.Read(file), "kc-house file", null);
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
