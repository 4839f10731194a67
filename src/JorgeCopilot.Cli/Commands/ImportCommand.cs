using System.CommandLine;
using JorgeCopilot.Core.Import;
using JorgeCopilot.Core.Store;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace JorgeCopilot.Cli.Commands;

/// <summary><c>jorge import &lt;kind&gt; &lt;file&gt; [--map &lt;file&gt;]</c>: one transaction, upsert by natural key, nothing kept on a bad row.</summary>
internal static class ImportCommand
{
    public static Command Create(CliHost host)
    {
        // The kinds come from the registered importers (core and capabilities); an unknown kind is reported with the list.
        var kind = new Argument<string>("kind") { Description = "What the file holds: leads, outcomes, messages, properties, deals, series, conversations, listings (a competitor MLS/brokerage export), ..." };
        var file = new Argument<string>("file") { Description = "CSV/TSV/JSON file, optionally .gz" };
        var map = new Option<string>("--map") { Description = "Mapping file (JSON or YAML); optional for the bundled data files" };
        var command = new Command("import", "Import a file into the store through a mapping (columns → fields, types, natural key)")
        {
            kind, file, map,
        };
        command.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            await host.Services.GetRequiredService<JorgeDbContextFactory>().MigrateAsync(ct);

            var service = host.Services.GetRequiredService<ImportService>();
            var result = await SpectreImportProgress.RunAsync(progress =>
                service.ImportAsync(pr.GetValue(kind)!, pr.GetValue(file)!, pr.GetValue(map), progress, ct));
            var table = new Table().AddColumns("kind", "file", "rows read", "added", "updated");
            table.AddRow(result.Kind, Markup.Escape(Path.GetFileName(result.File)), $"{result.RowsRead:N0}", $"{result.RowsAdded:N0}", $"{result.RowsUpdated:N0}");
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
