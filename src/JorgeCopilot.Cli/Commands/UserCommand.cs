using System.CommandLine;
using JorgeCopilot.Core.Security;
using JorgeCopilot.Core.Store;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace JorgeCopilot.Cli.Commands;

/// <summary><c>jorge user add &lt;name&gt; [--password-stdin] [--replace]</c>: a local account for the dashboard.</summary>
internal static class UserCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("user", "Dashboard accounts (sign-in at /dashboard)");
        command.Subcommands.Add(AddCommand(host));
        return command;
    }

    private static Command AddCommand(CliHost host)
    {
        var name = new Argument<string>("name") { Description = "The sign-in name, e.g. jorge" };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input (scripts, CI) instead of prompting" };
        var replace = new Option<bool>("--replace") { Description = "Set a new password for an existing user" };
        var add = new Command("add", "Create a dashboard user; the password is prompted for (never an argument, so it stays out of shell history)") { name, stdin, replace };
        add.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            var password = pr.GetValue(stdin) ? await ReadPasswordLineAsync(Console.In, ct) : PromptPassword();
            var problem = DashboardUserStore.Validate(pr.GetValue(name), password);
            if (problem is not null)
            {
                await Console.Error.WriteLineAsync($"jorge: {problem}");
                return 2;
            }

            await host.Services.GetRequiredService<JorgeDbContextFactory>().MigrateAsync(ct);
            var store = ActivatorUtilities.CreateInstance<DashboardUserStore>(host.Services);
            var result = await store.AddAsync(pr.GetValue(name)!, password!, pr.GetValue(replace), ct);
            switch (result.Outcome)
            {
                case DashboardUserOutcome.Created:
                    AnsiConsole.MarkupLine($"Created dashboard user [bold]{Markup.Escape(pr.GetValue(name)!.Trim())}[/]. Sign in at /dashboard on the API host.");
                    return 0;
                case DashboardUserOutcome.Updated:
                    AnsiConsole.MarkupLine($"Set a new password for [bold]{Markup.Escape(pr.GetValue(name)!.Trim())}[/].");
                    return 0;
                default:
                    await Console.Error.WriteLineAsync($"jorge: {result.Problem}");
                    return 1;
            }
        });
        return add;
    }

    /// <summary>The first line of <paramref name="input"/>, without its line ending (a trailing newline from <c>echo</c> is not part of the password).</summary>
    internal static async Task<string?> ReadPasswordLineAsync(TextReader input, CancellationToken cancellationToken) =>
        await input.ReadLineAsync(cancellationToken);

    private static string PromptPassword()
    {
        var first = AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
        var second = AnsiConsole.Prompt(new TextPrompt<string>("Again:").Secret());
        return string.Equals(first, second, StringComparison.Ordinal) ? first : throw new InvalidOperationException("The two passwords differ; nothing was saved.");
    }
}
