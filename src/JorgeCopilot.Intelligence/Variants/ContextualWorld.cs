using System.IO.Compression;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>One kind of lead in a simulated world: its facts, its share of the traffic and each arm's true rate for it.</summary>
public sealed record WorldContext(string[] Facts, double Share, double[] Rates);

/// <summary>
/// A contextual world calibrated on the bank-marketing campaign: arms are the levels of one column, leads are the
/// combinations of the context columns (like temperature × stage), and each (context, arm) cell converts at the
/// campaign's rate for that cell, shrunk towards the context's own rate by <see cref="Shrinkage"/> pseudo-contacts so
/// that a cell of three contacts does not claim a 0% or 100% truth.
/// </summary>
public static class ContextualWorld
{
    public const double Shrinkage = 20;

    public static (int Contacts, IReadOnlyList<string> Arms, IReadOnlyList<WorldContext> Contexts) FromBankMarketing(string path, string armColumn, IReadOnlyList<string> contextColumns)
    {
        ArgumentNullException.ThrowIfNull(contextColumns);
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var header = Split(reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty."));
        var arm = Index(header, armColumn, path);
        var target = Index(header, "y", path);
        var columns = contextColumns.Select(c => Index(header, c, path)).ToArray();
        var cells = new Dictionary<(string Context, string Arm), (int N, int Y)>();
        var contacts = 0;
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells0 = Split(line);
            var context = string.Join('|', columns.Select((c, i) => $"{contextColumns[i]}={cells0[c]}"));
            var key = (context, cells0[arm]);
            var (n, y) = cells.GetValueOrDefault(key);
            cells[key] = (n + 1, y + (cells0[target] == "yes" ? 1 : 0));
            contacts++;
        }

        var arms = cells.Keys.Select(k => k.Arm).Distinct().Order(StringComparer.Ordinal).ToList();
        var contexts = cells.GroupBy(kv => kv.Key.Context).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var n = g.Sum(kv => kv.Value.N);
            var own = (double)g.Sum(kv => kv.Value.Y) / n;
            var rates = arms.Select(a =>
            {
                var (cn, cy) = cells.GetValueOrDefault((g.Key, a));
                return (cy + Shrinkage * own) / (cn + Shrinkage);
            }).ToArray();
            return new WorldContext(g.Key.Split('|'), (double)n / contacts, rates);
        }).ToList();
        return (contacts, arms, contexts);
    }

    private static int Index(string[] header, string column, string path)
    {
        var i = Array.IndexOf(header, column);
        return i >= 0 ? i : throw new InvalidDataException($"{path} has no column {column}.");
    }

    private static string[] Split(string line) => line.Split(';').Select(c => c.Trim('"')).ToArray();
}
