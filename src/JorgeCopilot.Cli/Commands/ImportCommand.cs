using System.CommandLine;
using JorgeCopilot.Core.Import;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Market;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace JorgeCopilot.Cli.Commands;

/// <summary><c>jorge import &lt;kind&gt; &lt;file&gt; [--map &lt;file&gt;]</c>: one transaction, upsert by natural key, nothing kept on a bad row.</summary>
internal static class ImportCommand
{
    public static Command Create(CliHost host)
    {
        string[] kinds = [.. ImportService.Kinds, Listings];
        var kind = new Argument<string>("kind") { Description = $"What the file holds: {string.Join(", ", kinds)} (listings: a competitor MLS/brokerage export, --map required)" };
        kind.AcceptOnlyFromAmong(kinds);
        var file = new Argument<string>("file") { Description = "CSV/TSV/JSON file, optionally .gz" };
        var map = new Option<string>("--map") { Description = "Mapping file (JSON or YAML); optional for the bundled data files" };
        var command = new Command("import", "Import a file into the store through a mapping (columns → fields, types, natural key)")
        {
            kind, file, map,
        };
        command.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            await host.Services.GetRequiredService<JorgeDbContextFactory>().MigrateAsync(ct);
            if (pr.GetValue(kind) == Listings)
            {
                return await ImportListingsAsync(host, pr.GetValue(file)!, pr.GetValue(map), ct);
            }

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

    private const string Listings = "listings";

    /// <summary>Competitor listing exports go through the market importer (agent/brokerage columns, list prices and dates).</summary>
    private static async Task<int> ImportListingsAsync(CliHost host, string file, string? map, CancellationToken ct)
    {
        if (map is null)
        {
            await Console.Error.WriteLineAsync("jorge import listings needs --map: a mapping file naming the export's columns (parcelId or address, saleDate or listDate, listingAgent, brokerage, ...).");
            return 2;
        }

        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"{file} does not exist", file);
        }

        var record = await host.Services.GetRequiredService<ListingExportImporter>().ImportAsync(file, map, ct);
        var table = new Table().AddColumns("kind", "file", "rows read", "added", "updated");
        table.AddRow(record.Kind, Markup.Escape(record.FileName), $"{record.RowsRead:N0}", $"{record.RowsAdded:N0}", $"{record.RowsUpdated:N0}");
        AnsiConsole.Write(table);
        return 0;
    }
}
