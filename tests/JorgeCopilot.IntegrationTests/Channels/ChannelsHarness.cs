using System.Diagnostics;
using System.Text.Json.Nodes;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>Finds tests/channels-harness and runs its Node or chromium tools (installed by tests/channels-harness/install.sh).</summary>
internal static class ChannelsHarness
{
    public static string Directory { get; } = Find();

    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The harness prints one JSON summary line last.</summary>
    public static JsonObject Summary(string stdout) =>
        JsonNode.Parse(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last())!.AsObject();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "channels-harness");
            if (File.Exists(Path.Combine(candidate, "harness.js")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/channels-harness not found above " + AppContext.BaseDirectory);
    }
}
