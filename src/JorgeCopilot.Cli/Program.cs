using System.CommandLine;
using JorgeCopilot.Cli;

await using var host = new CliHost(args);
var root = new RootCommand("jorge: JorgeCopilot's command line (seed, import, train, eval, ask, ...)");
// Each command lives in Commands/<Name>Command.cs as `static Command Create(CliHost host)`.
foreach (var command in CliCommands.All(host))
{
    root.Subcommands.Add(command);
}

try
{
    // Exceptions reach the catch below instead of System.CommandLine's stack-trace printer.
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (ex is not OperationCanceledException)
{
    // One line on stderr, non-zero exit: scripts and CI read the reason without a stack trace.
    Console.Error.WriteLine($"jorge: {ex.GetBaseException().Message}");
    return 1;
}
