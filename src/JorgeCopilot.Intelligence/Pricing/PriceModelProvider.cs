using JorgeCopilot.Intelligence.Registry;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// The champion price model from the shared model registry (task "pricing"), loaded once per version and shared:
/// every replica reads the same champion, and a newly promoted version is picked up on the next call.
/// </summary>
public sealed class PriceModelProvider(IModelRegistry registry)
{
    public const string Task = "pricing";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile LoadedPriceModel? _current;

    public async Task<LoadedPriceModel?> GetAsync(CancellationToken cancellationToken)
    {
        var champion = await registry.GetChampionSummaryAsync(Task, cancellationToken);
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

            var stored = await registry.GetAsync(Task, champion.Version, cancellationToken)
                ?? throw new InvalidOperationException($"Pricing champion v{champion.Version} disappeared from the registry.");
            _current = new LoadedPriceModel(champion.Id, champion.Version, PriceModel.FromBytes(stored.ModelBytes), champion.Metrics);
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>A champion price model with its registry id, version and held-out metrics.</summary>
public sealed record LoadedPriceModel(long Id, int Version, PriceModel Model, IReadOnlyDictionary<string, double> Metrics);
