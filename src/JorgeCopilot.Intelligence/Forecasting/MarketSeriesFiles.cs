using System.Globalization;
using System.IO.Compression;
using JorgeCopilot.Core.Data;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// Reads the three benchmark series straight from the bundled files (so the eval needs no store): Zillow metro monthly
/// sales counts (every region with no blank month: 84 metros and the US row), US new one-family homes sold (FRED
/// HSN1FNSA) and Redfin's national homes sold (All Residential, not seasonally adjusted).
/// </summary>
public static class MarketSeriesFiles
{
    public const string ZillowFile = "Metro_sales_count_now_uc_sfrcondo_month.csv.gz";
    public const string NewHomeSalesFile = "HSN1FNSA.csv.gz";
    public const string RedfinFile = "us_national_market_tracker.tsv.gz";

    public static IReadOnlyList<ForecastSeries> ZillowSalesCounts(DataLocator data) =>
        ZillowSalesCounts(Find(data, "zillow-metro-monthly", ZillowFile));

    public static IReadOnlyList<ForecastSeries> ZillowSalesCounts(string path)
    {
        var lines = ReadLines(path);
        var header = SplitCsv(lines[0]);
        var start = DateOnly.ParseExact(header[5], "M/d/yyyy", CultureInfo.InvariantCulture);
        var first = new DateOnly(start.Year, start.Month, 1);
        var result = new List<ForecastSeries>();
        foreach (var line in lines.Skip(1))
        {
            var cells = SplitCsv(line);
            var values = cells.Skip(5).ToArray();
            if (values.Length != header.Count - 5 || values.Any(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            result.Add(new ForecastSeries(cells[2], first, values.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()));
        }

        return result;
    }

    public static ForecastSeries NewHomeSales(DataLocator data)
    {
        var lines = ReadLines(Find(data, "us-new-home-sales", NewHomeSalesFile));
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var start = DateOnly.ParseExact(rows[0][0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ForecastSeries("US new one-family homes sold", start, rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)).ToArray());
    }

    public static ForecastSeries RedfinHomesSold(DataLocator data)
    {
        var lines = ReadLines(Find(data, "redfin-us-national-market-tracker", RedfinFile));
        var header = lines[0].Split('\t').Select(h => h.Trim('"')).ToList();
        int Column(string name) => header.IndexOf(name);
        var (begin, type, adjusted, sold) = (Column("period_begin"), Column("property_type"), Column("is_seasonally_adjusted"), Column("homes_sold"));
        var rows = lines.Skip(1).Select(l => l.Split('\t').Select(c => c.Trim('"')).ToArray())
            .Where(c => c[type] == "All Residential" && c[adjusted] == "f")
            .Select(c => (Month: DateOnly.ParseExact(c[begin], "yyyy-MM-dd", CultureInfo.InvariantCulture), Value: double.Parse(c[sold], CultureInfo.InvariantCulture)))
            .OrderBy(r => r.Month)
            .ToArray();
        return new ForecastSeries("US homes sold (Redfin)", rows[0].Month, rows.Select(r => r.Value).ToArray());
    }

    private static string Find(DataLocator data, string folder, string file)
    {
        ArgumentNullException.ThrowIfNull(data);
        var candidates = new List<string>();
        try
        {
            candidates.Add(data.Bundled(folder, file));
        }
        catch (DirectoryNotFoundException)
        {
            // No bundled folder beside this program; the shared folder may still have the file.
        }

        if (data.SharedDirectory() is { } shared)
        {
            candidates.Add(Path.Combine(shared, folder, file));
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{file} was found neither in data/{folder} nor in the shared data folder.");
    }

    private static List<string> ReadLines(string path)
    {
        using var stream = File.OpenRead(path);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>Splits one CSV line with double-quoted fields (region names hold commas: "Seattle, WA").</summary>
    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }

        cells.Add(current.ToString());
        return cells;
    }
}
