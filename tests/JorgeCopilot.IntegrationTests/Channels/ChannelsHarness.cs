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

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{fileName} is not installed: run tests/channels-harness/install.sh ({ex.Message})", ex);
        }

        using var _ = process;
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
    public static JsonObject Summary(string stdout, string stderr)
    {
        var last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
                   ?? throw new InvalidOperationException($"The harness printed nothing (did tests/channels-harness/install.sh run?): {stderr}");
        return JsonNode.Parse(last)!.AsObject();
    }

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
