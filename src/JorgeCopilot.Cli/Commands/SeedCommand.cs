using System.CommandLine;
using System.Diagnostics;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Store;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace JorgeCopilot.Cli.Commands;

/// <summary>
/// <c>jorge seed</c>: loads every bundled data set as Jorge's demo workspace; a second run adds nothing.
/// <c>jorge seed --remove</c>: deletes the demo leads (with their messages, outcomes and deals) so his own stand alone.
/// </summary>
internal static class SeedCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("seed", "Load the bundled real data sets (King County sales, bank-marketing leads, market series, conversations)");
        var remove = new Option<bool>("--remove")
        {
            Description = "Delete the demo leads and their messages, outcomes and deals (market data, properties and models stay)",
        };
        command.Options.Add(remove);
        command.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            var factory = host.Services.GetRequiredService<JorgeDbContextFactory>();
            await factory.MigrateAsync(ct);
            if (pr.GetValue(remove))
            {
                var removed = await host.Services.GetRequiredService<DemoDataRemover>().RemoveAsync(ct);
                AnsiConsole.MarkupLine($"Removed the demo workspace's leads from {Markup.Escape(factory.Connection.Describe())}: {removed.Leads:N0} leads, "
                    + $"{removed.Messages:N0} messages, {removed.Outcomes:N0} outcomes, {removed.Deals:N0} deals. Market data, properties and models are kept.");
                return 0;
            }

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
