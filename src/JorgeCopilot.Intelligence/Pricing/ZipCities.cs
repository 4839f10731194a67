using JorgeCopilot.Core.Data;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// Which city each ZIP lies in (<c>data/kc-house/zip-cities.csv</c>), so a city in a question narrows a search to its
/// ZIPs ("undervalued homes in Seattle" never answers with Burien). Loaded once; a missing file means no city is known.
/// </summary>
public sealed class ZipCities(DataLocator data)
{
    private readonly Lazy<ILookup<string, string>> _byCity = new(() => Load(data));

    /// <summary>The city's ZIPs, or null when the city is unknown.</summary>
    public IReadOnlyList<string>? ZipsOf(string city)
    {
        ArgumentNullException.ThrowIfNull(city);
        var zips = _byCity.Value[city.Trim().ToUpperInvariant()].ToList();
        return zips.Count == 0 ? null : zips;
    }

    private static ILookup<string, string> Load(DataLocator data)
    {
        string file;
        try
        {
            file = data.Bundled("kc-house", "zip-cities.csv");
        }
        catch (DirectoryNotFoundException)
        {
            return Array.Empty<(string, string)>().ToLookup(p => p.Item1, p => p.Item2);
        }

        if (!File.Exists(file))
        {
            return Array.Empty<(string, string)>().ToLookup(p => p.Item1, p => p.Item2);
        }

        return File.ReadLines(file).Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => cells.Length == 2 && cells[0].Length == 5)
            .ToLookup(cells => cells[1].Trim().ToUpperInvariant(), cells => cells[0].Trim(), StringComparer.Ordinal);
    }
}
