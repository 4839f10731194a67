using System.CommandLine;
using JorgeCopilot.Core.Import;
using Spectre.Console;

namespace JorgeCopilot.Cli.Commands;

/// <summary><c>jorge map suggest &lt;file&gt; [--kind k] [--out m.json]</c>: a starting mapping from a file's header and values.</summary>
internal static class MapCommand
{
    public static Command Create(CliHost host)
    {
        _ = host;
        var file = new Argument<string>("file") { Description = "A CSV/TSV export (optionally .gz)" };
        var kind = new Option<string>("--kind")
        {
            Description = $"What the file holds: {string.Join(", ", MappingSuggester.Kinds)}",
            DefaultValueFactory = _ => ImportKinds.Training,
        };
        var output = new Option<string?>("--out") { Description = "Write the mapping here (default: print it)" };
        var suggest = new Command("suggest", "Write a starting mapping: types inferred, categories listed, dates detected, id column as natural key, a likely target for training")
        {
            file, kind, output,
        };
        suggest.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            var json = MappingSuggester.Suggest(pr.GetValue(file)!, pr.GetValue(kind)!);
            if (pr.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, json + Environment.NewLine, ct);
                AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(path)}[/]: review leaky columns, labels and the target, then " +
                    $"[bold]jorge train lead-scoring --data {Markup.Escape(pr.GetValue(file)!)} --map {Markup.Escape(path)}[/] or [bold]jorge import[/].");
            }
            else
            {
                await Console.Out.WriteLineAsync(json);
            }

            return 0;
        });
        return new Command("map", "Mapping files: how an export's columns become leads, sales, training rows, ...") { suggest };
    }
}
