using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace JorgeCopilot.IntegrationTests.Cli;

/// <summary>
/// <c>jorge train pricing --data F --map M</c> (the real jorge.dll beside the tests, a throwaway SQLite store) on a
/// generated sales export that none of the bundled data resembles: no coordinates, a neighbourhood column, a garage
/// type and a quality score.
/// </summary>
public sealed class TrainPricingCommandTests
{
    private const string Mapping = """
        {
          "kind": "properties",
          "format": { "type": "csv", "delimiter": ",", "header": true },
          "fields": [
            { "column": "sale_id", "field": "parcelId", "type": "string", "required": true },
            { "column": "sold_on", "field": "saleDate", "type": "date", "format": "yyyy-MM-dd", "required": true },
            { "column": "price", "field": "salePrice", "type": "decimal", "required": true },
            { "column": "beds", "field": "bedrooms", "type": "double" },
            { "column": "baths", "field": "bathrooms", "type": "double" },
            { "column": "sqft", "field": "livingSqft", "type": "double" },
            { "column": "hood", "field": "neighborhood", "type": "string" },
            { "column": "garage", "type": "string", "label": "garage type" },
            { "column": "quality", "type": "int", "label": "overall quality" }
          ]
        }
        """;

    private static readonly string[] Hoods = ["Northgate", "Riverside", "Old Town", "Hilltop"];
    private static readonly string[] Garages = ["Attached", "Detached", "None"];

    /// <summary>Prices from size, quality, garage and neighbourhood with noise; seeded.</summary>
    private static string Export(int rows, bool withLocation)
    {
        var random = new Random(7);
        var csv = new StringBuilder(withLocation ? "sale_id,sold_on,price,beds,baths,sqft,hood,garage,quality\n" : "sale_id,sold_on,price,beds,baths,sqft,garage,quality\n");
        for (var i = 0; i < rows; i++)
        {
            var sqft = 800 + random.Next(0, 2800);
            var quality = random.Next(3, 10);
            var hood = random.Next(Hoods.Length);
            var garage = Garages[random.Next(Garages.Length)];
            var price = 150.0 * sqft * Math.Exp(0.06 * quality + 0.2 * hood + (garage == "Attached" ? 0.12 : 0) + (random.NextDouble() - 0.5) * 0.1);
            var date = new DateOnly(2023, 1, 1).AddDays(random.Next(0, 700));
            var beds = Math.Max(1, sqft / 650);
            csv.Append(CultureInfo.InvariantCulture, $"S{i:00000},{date:yyyy-MM-dd},{Math.Round(price)},{beds},{Math.Max(1, beds - 1)},{sqft},");
            if (withLocation)
            {
                csv.Append(Hoods[hood]).Append(',');
            }

            csv.Append(CultureInfo.InvariantCulture, $"{garage},{quality}\n");
        }

        return csv.ToString();
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> TrainAsync(bool withLocation)
    {
        var dir = Directory.CreateTempSubdirectory("jorge-pricing-export-").FullName;
        var data = Path.Combine(dir, "sales.csv");
        var map = Path.Combine(dir, "sales.map.json");
        await File.WriteAllTextAsync(data, Export(600, withLocation), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(map, withLocation ? Mapping : Mapping.Replace("""{ "column": "hood", "field": "neighborhood", "type": "string" },""", "", StringComparison.Ordinal),
            TestContext.Current.CancellationToken);

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "jorge.dll"), "train", "pricing", "--data", data, "--map", map })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ConnectionStrings__Jorge"] = $"Data Source={Path.Combine(dir, "jorge.db")}";
        info.Environment["COLUMNS"] = "400";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task An_export_with_extra_columns_trains_and_those_columns_are_features()
    {
        var (exitCode, stdout, stderr) = await TrainAsync(withLocation: true);

        exitCode.ShouldBe(0, stderr);
        var flat = string.Join(" ", stdout.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries));
        flat.ShouldContain("export columns as features");
        flat.ShouldContain("garage type");
        flat.ShouldContain("overall quality");
        flat.ShouldContain("neighbourhood price per sq ft");
        flat.ShouldNotContain("No location is mapped");
    }

    [Fact]
    public async Task An_export_without_any_location_column_trains_with_a_warning()
    {
        var (exitCode, stdout, stderr) = await TrainAsync(withLocation: false);

        exitCode.ShouldBe(0, stderr);
        string.Join(" ", stdout.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)).ShouldContain("No location is mapped");
    }
}
