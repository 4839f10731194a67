using System.Text.Json;
using JorgeCopilot.Core.Models;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// The champion price model from the registry (model_versions, task "pricing"), loaded once per version and shared:
/// every replica reads the same champion, and a newly promoted version is picked up on the next call.
/// </summary>
public sealed class PriceModelProvider(IDbContextFactory<JorgeDbContext> stores)
{
    public const string Task = "pricing";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LoadedPriceModel? _current;

    public async Task<LoadedPriceModel?> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await stores.CreateDbContextAsync(cancellationToken);
        var champion = await db.ModelVersions.AsNoTracking()
            .Where(m => m.Task == Task && m.IsChampion)
            .Select(m => new { m.Id, m.Version, m.MetricsJson })
            .FirstOrDefaultAsync(cancellationToken);
        if (champion is null)
        {
            return null;
        }

        if (_current is { } cached && cached.Id == champion.Id)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } again && again.Id == champion.Id)
            {
                return again;
            }

            var bytes = await db.ModelVersions.Where(m => m.Id == champion.Id).Select(m => m.ModelBytes).FirstAsync(cancellationToken);
            var metrics = JsonSerializer.Deserialize<Dictionary<string, double>>(champion.MetricsJson) ?? [];
            _current = new LoadedPriceModel(champion.Id, champion.Version, PriceModel.FromBytes(bytes), metrics);
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Stores a trained model as the next version. It becomes champion when there is none, or when its held-out mdape
    /// beats the champion's on the same data description (same data, same split); otherwise it is kept as a challenger.
    /// </summary>
    public async Task<(int Version, bool Promoted, string Reason)> SaveAsync(PriceModel model, IReadOnlyDictionary<string, double> metrics, string dataDescription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var db = await stores.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var versions = await db.ModelVersions.Where(m => m.Task == Task).ToListAsync(cancellationToken);
        var champion = versions.FirstOrDefault(v => v.IsChampion);
        var promote = true;
        var reason = "first pricing model";
        if (champion is not null)
        {
            var old = JsonSerializer.Deserialize<Dictionary<string, double>>(champion.MetricsJson) ?? [];
            if (champion.DataDescription != dataDescription)
            {
                reason = "trained on different data than the champion; the newest data wins";
            }
            else if (old.TryGetValue("mdape", out var oldMdape) && metrics.TryGetValue("mdape", out var newMdape))
            {
                promote = newMdape <= oldMdape;
                reason = promote
                    ? $"held-out mdape {newMdape:P2} ≤ champion v{champion.Version} {oldMdape:P2}"
                    : $"held-out mdape {newMdape:P2} worse than champion v{champion.Version} {oldMdape:P2}; kept as challenger";
            }
        }

        if (promote && champion is not null)
        {
            champion.IsChampion = false;
            await db.SaveChangesAsync(cancellationToken);
        }

        var version = new ModelVersion
        {
            Task = Task,
            Version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1,
            TrainedAt = model.Info.TrainedAt,
            Algorithm = model.Info.Algorithm,
            DataWindowStart = model.Info.FirstSale.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            DataWindowEnd = model.Info.LastSale.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            DataDescription = dataDescription,
            MetricsJson = JsonSerializer.Serialize(metrics),
            SchemaJson = JsonSerializer.Serialize(new
            {
                label = "log(sale price) minus location baseline",
                features = PricingFeatures.Names.Select(n => n.Name),
                conformal = model.Conformal,
                sales = model.Info.Sales,
            }),
            ModelBytes = model.ToBytes(),
            IsChampion = promote,
        };
        db.ModelVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return (version.Version, promote, reason);
    }
}

/// <summary>A champion price model with its registry id, version and held-out metrics.</summary>
public sealed record LoadedPriceModel(long Id, int Version, PriceModel Model, IReadOnlyDictionary<string, double> Metrics);
