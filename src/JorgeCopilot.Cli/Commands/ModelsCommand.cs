using System.CommandLine;
using System.Globalization;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Registry;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace JorgeCopilot.Cli.Commands;

/// <summary><c>jorge models [task]</c>: every registered model version of every task, champions marked.</summary>
internal static class ModelsCommand
{
    private static readonly string[] Headline = ["auc", "mdape", "mase", "macro_f1", "brier"];

    public static Command Create(CliHost host)
    {
        var task = new Argument<string?>("task") { Description = "Only this task (e.g. lead-scoring)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("models", "List the model registry: every task's versions, metrics and champion") { task };
        command.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            await host.Services.GetRequiredService<JorgeDbContextFactory>().MigrateAsync(ct);
            var versions = await host.Services.GetRequiredService<IModelRegistry>().ListAsync(pr.GetValue(task), ct);
            if (versions.Count == 0)
            {
                AnsiConsole.MarkupLine("No models registered yet: run [bold]jorge train <task>[/].");
                return 0;
            }

            var table = new Table().AddColumns("task", "version", "champion", "scores", "algorithm", "trained (UTC)", "data window", "held-out metrics", "size");
            foreach (var v in versions)
            {
                var metrics = string.Join(", ", v.Metrics.Where(m => Headline.Contains(m.Key)).Select(m => $"{m.Key} {m.Value.ToString("0.000", CultureInfo.InvariantCulture)}"));
                var window = v.DataWindowStart is { } s && v.DataWindowEnd is { } e ? $"{s:yyyy-MM-dd} – {e:yyyy-MM-dd}" : "";
                table.AddRow(Markup.Escape(v.Task), v.Version.ToString(CultureInfo.InvariantCulture), v.IsChampion ? "[green]yes[/]" : "",
                    Markup.Escape(Scores(v)),
                    Markup.Escape(v.Algorithm), v.TrainedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), window, Markup.Escape(metrics),
                    $"{v.SizeBytes / 1024.0:0} KB");
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    /// <summary>What a version scores: a task's main line serves the store; <c>task:dataset</c> lines only their own data set.</summary>
    internal static string Scores(ModelVersionSummary version)
    {
        var colon = version.Task.IndexOf(':', StringComparison.Ordinal);
        var what = colon < 0 ? "the store's data" : $"{version.Task[(colon + 1)..]} rows only";
        return version.IsChampion ? what : $"nothing (challenger of {(colon < 0 ? "the store's line" : version.Task[(colon + 1)..])})";
    }
}
