namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// Reads the King County sales file (kc_house_data.csv[.gz]) through its mapping, data/kc-house/properties.map.json, with
/// the shared mapped-file reader: the same column semantics the seeder uses (yr_renovated 0 = never renovated,
/// waterfront a bool).
/// </summary>
public static class KingCountySales
{
    public const string FileName = "kc_house_data.csv.gz";
    public const string MapFileName = "properties.map.json";

    public static IReadOnlyList<HomeSale> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return SalesExportReader.Read(path, MapFor(path));
    }

    /// <summary>The mapping beside the data file, else the one bundled beside the program.</summary>
    public static string MapFor(string path)
    {
        var candidates = new[]
        {
            Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", MapFileName),
            Path.Combine(AppContext.BaseDirectory, "data", "kc-house", MapFileName),
        };
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"No {MapFileName} beside {path} or in the bundled data/kc-house folder.");
    }
}
