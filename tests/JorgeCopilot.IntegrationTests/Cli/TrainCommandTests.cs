using System.Diagnostics;

namespace JorgeCopilot.IntegrationTests.Cli;

/// <summary><c>jorge train</c> and <c>jorge map suggest</c> as a user runs them: the real program on a throwaway SQLite store.</summary>
public sealed class TrainCommandTests
{
    private static async Task<(int ExitCode, string Stdout, string Stderr)> JorgeAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "jorge.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var store = Path.Combine(Directory.CreateTempSubdirectory("jorge-cli-").FullName, "jorge.db");
        info.Environment["ConnectionStrings__Jorge"] = $"Data Source={store}";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string Write(string name, string content)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("jorge-train-").FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task A_wrong_type_in_the_mapping_prints_the_whole_message_with_the_mapping_file_line_and_valid_types()
    {
        var data = Write("crm.csv", "id,age,won\na,30,yes\n");
        var map = Write("crm.map.json", "{\n  \"kind\": \"training\",\n  \"fields\": [ { \"column\": \"age\", \"type\": \"number\" } ],\n  \"target\": { \"column\": \"won\", \"positive\": \"yes\" }\n}\n");

        var (exitCode, _, stderr) = await JorgeAsync("train", "lead-scoring", "--data", data, "--map", map);

        exitCode.ShouldBe(1);
        var line = stderr.Trim().Split('\n').ShouldHaveSingleItem();
        line.ShouldStartWith($"jorge: mapping file {map}: line 3, column ");
        line.ShouldContain("type 'number' is not valid; valid types are string, int, double, decimal, bool, date, datetime, category");
    }

    [Fact]
    public async Task A_target_column_not_in_the_export_lists_the_export_s_columns()
    {
        var data = Write("crm.csv", "id,age,won\na,30,yes\n");
        var map = Write("crm.map.json", """{ "kind": "training", "fields": [], "target": { "column": "Converted", "positive": "1" } }""");

        var (exitCode, _, stderr) = await JorgeAsync("train", "lead-scoring", "--data", data, "--map", map);

        exitCode.ShouldBe(1);
        stderr.Trim().ShouldBe("jorge: crm.csv: the target column 'Converted' is not in the header; columns are: id, age, won");
    }

    [Fact]
    public async Task Map_suggest_writes_a_mapping_that_train_reads()
    {
        var rows = Enumerable.Range(0, 40).Select(i => $"L{i},{20 + i},{(i % 4 == 0 ? "Yes" : "No")}");
        var data = Write("crm.csv", "Lead ID,Age,Converted\n" + string.Join('\n', rows) + "\n");
        var map = Path.Combine(Path.GetDirectoryName(data)!, "crm.map.json");

        var (exitCode, stdout, _) = await JorgeAsync("map", "suggest", data, "--out", map);

        exitCode.ShouldBe(0);
        stdout.ShouldContain("Wrote");
        var text = await File.ReadAllTextAsync(map, TestContext.Current.CancellationToken);
        text.ShouldContain("\"target\"");
        // 40 rows are too few to train on, and train says so: the mapping itself was read without complaint.
        var (trainExit, _, trainError) = await JorgeAsync("train", "lead-scoring", "--data", data, "--map", map);
        trainExit.ShouldBe(1);
        trainError.ShouldContain("Only 40 leads with outcomes");
    }
}
