using System.CommandLine;
using System.Globalization;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace JorgeCopilot.Cli.Commands;

/// <summary><c>jorge train &lt;task&gt; [--data file --map file]</c>: one sub-command per <see cref="IModelTrainer"/> in DI.</summary>
internal static class TrainCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("train", "Train a model, measure it on held-out data and register it (champion only if it beats the current one)");
        foreach (var trainer in host.Services.GetServices<IModelTrainer>().OrderBy(t => t.Task, StringComparer.Ordinal))
        {
            command.Subcommands.Add(Sub(host, trainer.Task, trainer.Description));
        }

        return command;
    }

    private static Command Sub(CliHost host, string task, string description)
    {
        var data = new Option<string>("--data") { Description = "Train on this CSV export (optionally .gz) instead of the store" };
        var map = new Option<string>("--map") { Description = "Mapping file for --data (data/README.md; `jorge map suggest <file>` writes one): target, leaky columns, typed features, labels" };
        var promote = new Option<bool>("--promote")
        {
            Description = "With --data: let the model compete to score the store's leads (only when the store's leads carry its features); without it the model gets its own line, <task>:<dataset>",
        };
        var sub = new Command(task, description) { data, map, promote };
        sub.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            var dataPath = pr.GetValue(data);
            var mapPath = pr.GetValue(map);
            if (dataPath is not null && !File.Exists(dataPath))
            {
                throw new FileNotFoundException($"--data: no such file {dataPath}");
            }

            if (mapPath is not null && !File.Exists(mapPath))
            {
                throw new FileNotFoundException($"--map: no such file {mapPath}");
            }

            await host.Services.GetRequiredService<JorgeDbContextFactory>().MigrateAsync(ct);
            var trainer = host.Services.GetServices<IModelTrainer>().Single(t => t.Task == task);
            TrainingOutcome? outcome = null;
            await AnsiConsole.Status().StartAsync($"training {task}", async ctx =>
            {
                var progress = new SyncProgress<ImportProgress>(p => ctx.Status($"{task}: {Markup.Escape(p.Task)}"));
                outcome = await trainer.TrainAsync(new TrainingRequest(dataPath, mapPath, pr.GetValue(promote)), progress, ct);
            });

            var table = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
            foreach (var (metric, value) in outcome!.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                table.AddRow(metric, value.ToString("0.####", CultureInfo.InvariantCulture));
            }

            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(outcome.Task)}[/] v{outcome.Version} ({Markup.Escape(outcome.Algorithm)}) — " +
                (outcome.PromotedToChampion ? "[green]champion[/]" : "[yellow]challenger[/]") + $": {Markup.Escape(outcome.Reason)}");
            AnsiConsole.Write(table);
            return 0;
        });
        return sub;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and reorder updates).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
