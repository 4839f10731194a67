using System.Diagnostics;

namespace JorgeCopilot.IntegrationTests.Cli;

/// <summary>The real <c>jorge</c> program (jorge.dll beside the tests) on a throwaway SQLite store.</summary>
public sealed class EvalCommandTests
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

    [Fact]
    public async Task An_unknown_suite_exits_non_zero_with_one_line_on_stderr()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("jorge-eval-out-").FullName, "eval");

        var (exitCode, _, stderr) = await JorgeAsync("eval", "no-such-suite", "--out", output);

        exitCode.ShouldBe(1);
        var line = stderr.Trim().Split('\n').ShouldHaveSingleItem();
        line.ShouldStartWith("jorge: ");
        // Without suites the command says none is registered; with suites it names the unknown one and lists the known.
        line.ShouldMatch("No eval suite is registered|Unknown eval suite 'no-such-suite'; known suites: .+");
        File.Exists(Path.Combine(output, "report.json")).ShouldBeFalse();
    }

    [Fact]
    public async Task Eval_help_describes_the_report_and_needs_no_store()
    {
        var (exitCode, stdout, _) = await JorgeAsync("eval", "--help");

        exitCode.ShouldBe(0);
        stdout.ShouldContain("--out");
        stdout.ShouldContain("report.json");
    }
}
