using System.CommandLine;
using System.Diagnostics;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Store;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace JorgeCopilot.Cli.Commands;

/// <summary><c>jorge seed</c>: loads every bundled data set as Jorge's demo workspace; a second run adds nothing.</summary>
internal static class SeedCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("seed", "Load the bundled real data sets (King County sales, bank-marketing leads, market series, conversations)");
        command.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            var factory = host.Services.GetRequiredService<JorgeDbContextFactory>();
            await factory.MigrateAsync(ct);
            var seeder = host.Services.GetRequiredService<IWorkspaceSeeder>();
            var clock = Stopwatch.StartNew();
            var summary = await SpectreImportProgress.RunAsync(progress => seeder.SeedAsync(progress, ct));
            var table = new Table().AddColumns("data set", "kind", "rows read", "added", "updated");
            foreach (var step in summary.Steps)
            {
                table.AddRow(step.DataSet, step.Kind, $"{step.RowsRead:N0}", $"{step.RowsAdded:N0}", $"{step.RowsUpdated:N0}");
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"Seeded {Markup.Escape(factory.Connection.Describe())} in {clock.Elapsed.TotalSeconds:F1} s: "
                + $"{summary.Steps.Sum(s => s.RowsAdded):N0} rows added, {summary.Steps.Sum(s => s.RowsUpdated):N0} already present.");
            return 0;
        });
        return command;
    }
}
