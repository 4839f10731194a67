using System.Diagnostics;

namespace JorgeCopilot.IntegrationTests.Import;

/// <summary>The real <c>jorge</c> program: a bad import exits non-zero with one line on stderr naming the problem.</summary>
public sealed class ImportCommandTests
{
    [Fact]
    public async Task A_bad_import_exits_1_with_file_line_and_column_on_stderr()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("jorge-cli-").FullName, "jorge.db");
        var map = BadImportTests.Write("crm.map.yaml", """
            kind: leads
            format: { delimiter: "," }
            constants: { source: crm }
            fields:
              - { column: id, field: externalId, required: true }
              - { column: budget, type: int, required: true }
            """);
        var file = BadImportTests.Write("crm.csv", "id,budget\nL-1,450000\nL-2,a lot\n");

        var (exit, stdout, stderr) = await RunJorgeAsync(db, "import", "leads", file, "--map", map);

        exit.ShouldBe(1, stdout);
        stderr.Trim().ShouldBe("jorge: crm.csv: line 3, column 'budget': \"a lot\" is not an int");
    }

    [Fact]
    public async Task A_good_import_exits_0_and_reports_the_rows()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("jorge-cli-").FullName, "jorge.db");
        var file = BadImportTests.DataFile("us-new-home-sales", "HSN1FNSA.csv.gz");

        var (exit, stdout, stderr) = await RunJorgeAsync(db, "import", "series", file);

        exit.ShouldBe(0, stderr);
        stdout.ShouldContain("685");
    }

    [Fact]
    public async Task Competitor_listings_import_through_their_mapping_and_a_bad_row_names_line_and_column()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("jorge-cli-").FullName, "jorge.db");
        var map = BadImportTests.Write("mls.map.json", Pricing.ListingImportTests.Map);
        var bad = BadImportTests.Write("mls-bad.csv", Pricing.ListingImportTests.Csv(5, badPriceOnRow: "n/a"));
        var good = BadImportTests.Write("mls.csv", Pricing.ListingImportTests.Csv(9));

        var (badExit, _, badError) = await RunJorgeAsync(db, "import", "listings", bad, "--map", map);
        var (noMapExit, _, noMapError) = await RunJorgeAsync(db, "import", "listings", good);
        var (exit, stdout, stderr) = await RunJorgeAsync(db, "import", "listings", good, "--map", map);

        badExit.ShouldBe(1);
        badError.Trim().ShouldBe("jorge: mls-bad.csv: line 6, column 'close_price': \"n/a\" is not a decimal number");
        noMapExit.ShouldNotBe(0);
        noMapError.ShouldContain("--map");
        exit.ShouldBe(0, stderr);
        stdout.ShouldContain("listings");
        stdout.ShouldContain("9");
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunJorgeAsync(string database, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "jorge.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.Environment["ConnectionStrings__Jorge"] = $"Data Source={database}";
        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
