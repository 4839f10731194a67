using System.CommandLine;

namespace JorgeCopilot.Cli;

/// <summary>
/// The <c>jorge</c> entry point. Namespaced (not top-level statements) so it does not collide with the web host's global
/// <c>Program</c> in test projects that reference both (WebApplicationFactory&lt;Program&gt;).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
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
            // One line on stderr, non-zero exit: scripts and CI read the reason without a stack trace. The outermost message
            // is the one that names the file (a mapping error wraps the JSON reader's); only wrappers that add nothing are peeled.
            await Console.Error.WriteLineAsync($"jorge: {Shown(ex).Message}");
            return 1;
        }
    }

    internal static Exception Shown(Exception ex) => ex switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => Shown(a.InnerExceptions[0]),
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Shown(inner),
        _ => ex,
    };
}
