using System.IO.Compression;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>Conversion rate per level of one column of the bank-marketing campaign (the simulation's true arm rates).</summary>
public static class BankMarketingRates
{
    public static (int Contacts, IReadOnlyDictionary<string, double> Rates) ByColumn(string path, string column)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var header = Split(reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty."));
        var col = Array.IndexOf(header, column);
        var target = Array.IndexOf(header, "y");
        if (col < 0 || target < 0)
        {
            throw new InvalidDataException($"{path} has no column {column} or y.");
        }

        var counts = new Dictionary<string, (int Contacts, int Conversions)>(StringComparer.Ordinal);
        var contacts = 0;
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells = Split(line);
            var (n, c) = counts.GetValueOrDefault(cells[col]);
            counts[cells[col]] = (n + 1, c + (cells[target] == "yes" ? 1 : 0));
            contacts++;
        }

        return (contacts, counts.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => (double)kv.Value.Conversions / kv.Value.Contacts, StringComparer.Ordinal));
    }

    private static string[] Split(string line) => line.Split(';').Select(c => c.Trim('"')).ToArray();
}
