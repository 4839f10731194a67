using System.Globalization;
using System.IO.Compression;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>One logged impression of the Open Bandit Dataset: item shown at a slot, click, logging propensity.</summary>
/// <param name="Context">The user's facts when the item was shown (<c>user_feature_0=…</c>; hashed categories in the log).</param>
public readonly record struct LoggedImpression(int Action, int Slot, bool Reward, double Propensity, IReadOnlyList<string>? Context = null);

/// <summary>Reads an Open Bandit Dataset log (<c>random/men/men.csv.gz</c> ...) in file (time) order.</summary>
public static class OpenBanditLog
{
    public const int Slots = 3;

    public static IReadOnlyList<LoggedImpression> Read(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var header = (reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty.")).Split(',');
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"{path} has no column {name}.");
        var item = Column("item_id");
        var position = Column("position");
        var click = Column("click");
        var propensity = Column("propensity_score");
        var features = header.Select((name, i) => (name, i)).Where(c => c.name.StartsWith("user_feature_", StringComparison.Ordinal)).ToArray();
        var rows = new List<LoggedImpression>(10_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            rows.Add(new LoggedImpression(
                int.Parse(cells[item], CultureInfo.InvariantCulture),
                int.Parse(cells[position], CultureInfo.InvariantCulture) - 1,
                cells[click] == "1",
                double.Parse(cells[propensity], CultureInfo.InvariantCulture),
                features.Select(f => $"{f.name}={cells[f.i]}").ToArray()));
        }

        return rows;
    }

    /// <summary>How often a policy showed each item at each slot: its week-long action distribution, read from actions only.</summary>
    public static double[,] ActionFrequencies(IReadOnlyList<LoggedImpression> log, int actions)
    {
        ArgumentNullException.ThrowIfNull(log);
        var p = new double[actions, Slots];
        var perSlot = new double[Slots];
        foreach (var row in log)
        {
            p[row.Action, row.Slot]++;
            perSlot[row.Slot]++;
        }

        for (var a = 0; a < actions; a++)
        {
            for (var k = 0; k < Slots; k++)
            {
                p[a, k] = perSlot[k] == 0 ? 0 : p[a, k] / perSlot[k];
            }
        }

        return p;
    }
}
