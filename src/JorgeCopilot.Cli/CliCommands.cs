using System.CommandLine;
using JorgeCopilot.Cli.Commands;

namespace JorgeCopilot.Cli;

/// <summary>The list of commands; one line per command so adding one is a one-line change.</summary>
internal static class CliCommands
{
    public static IEnumerable<Command> All(CliHost host)
    {
        yield return SeedCommand.Create(host);
        yield return ImportCommand.Create(host);
        yield return EvalCommand.Create(host);
        yield return Commands.AskCommand.Create(host);
        yield return Commands.ChatCommand.Create(host);
        yield return TrainCommand.Create(host);
        yield return ModelsCommand.Create(host);
        yield return ApiKeyCommand.Create(host);
        yield return ForecastCommand.Create(host);
        yield return MapCommand.Create(host);
        yield return UserCommand.Create(host);
    }
}
