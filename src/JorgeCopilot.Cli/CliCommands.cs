using System.CommandLine;

namespace JorgeCopilot.Cli;

/// <summary>The list of commands; one line per command so adding one is a one-line change.</summary>
internal static class CliCommands
{
    public static IEnumerable<Command> All(CliHost host)
    {
        _ = host;
        yield break;
    }
}
