using System.Collections.Concurrent;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>Tallies which band expert the engine chose per horizon and level, so the eval can say what was learned online.</summary>
public sealed class BandReport
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public void Add(IEnumerable<string> chosen)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        foreach (var name in chosen)
        {
            _counts.AddOrUpdate(name, 1, (_, n) => n + 1);
        }
    }
}
