using System.CommandLine;
using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Evals.Runner;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace JorgeCopilot.Cli.Commands;

/// <summary><c>jorge eval [suite ...] --out &lt;dir&gt;</c>: run the suites, gate them by thresholds.json, write the report.</summary>
internal static class EvalCommand
{
    public static Command Create(CliHost host)
    {
        var suites = new Argument<string[]>("suite")
        {
            Description = "Suites to run (default: every registered suite).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder for report.json, report.md and charts.",
            DefaultValueFactory = _ => Path.Combine("artifacts", "eval"),
        };
        var thresholdsFile = new Option<string?>("--thresholds")
        {
            Description = "Thresholds file (default: evals/thresholds.json, copied beside the program).",
        };

        var command = new Command("eval", "Run the eval suites, apply evals/thresholds.json and write report.json and report.md.");
        command.Arguments.Add(suites);
        command.Options.Add(output);
        command.Options.Add(thresholdsFile);
        command.SetAction(async (ParseResult parse, CancellationToken cancellationToken) =>
        {
            var runner = host.Services.GetRequiredService<EvalRunner>();
            var selected = runner.Select(parse.GetValue(suites) ?? []);
            var thresholds = ThresholdCatalog.Load(parse.GetValue(thresholdsFile) ?? ThresholdCatalog.Locate());
            var outputDirectory = Path.GetFullPath(parse.GetValue(output)!);
            await host.Services.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);

            AnsiConsole.MarkupLine($"Running [bold]{selected.Count}[/] suites; thresholds from [grey]{Markup.Escape(thresholds.Source)}[/]");
            var report = await RunWithProgressAsync(runner, selected, thresholds, outputDirectory, cancellationToken);
            var (jsonPath, markdownPath) = await EvalReportWriter.WriteAsync(report, outputDirectory, host.Services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);

            AnsiConsole.Write(ResultTable(report));
            AnsiConsole.MarkupLine($"Report: [link]{Markup.Escape(markdownPath)}[/] and [link]{Markup.Escape(jsonPath)}[/]");
            if (!report.Passed)
            {
                var failed = report.Runs.Count(r => !r.Passed);
                throw new InvalidOperationException($"eval failed: {failed} of {report.Runs.Count} runs missed their thresholds (see {markdownPath}).");
            }

            AnsiConsole.MarkupLine($"[green]All {report.Runs.Count} runs met their thresholds.[/]");
            return 0;
        });
        return command;
    }

    private static async Task<EvalReport> RunWithProgressAsync(
        EvalRunner runner, IReadOnlyList<IEvalSuite> selected, ThresholdCatalog thresholds, string outputDirectory, CancellationToken cancellationToken)
    {
        EvalReport? report = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = selected.ToDictionary(s => s.Name, s => context.AddTask(Markup.Escape(s.Name), autoStart: false, maxValue: 1));
                var progress = new ProgressTaskUpdater(tasks);
                report = await runner.RunAsync(selected, thresholds, outputDirectory, progress, cancellationToken);
            });
        return report!;
    }

    private static Table ResultTable(EvalReport report)
    {
        var table = new Table().AddColumns("Suite", "Data set", "Result", "Failures");
        foreach (var run in report.Runs)
        {
            table.AddRow(
                Markup.Escape(run.Suite),
                Markup.Escape(run.Dataset),
                run.Passed ? "[green]pass[/]" : "[red]FAIL[/]",
                Markup.Escape(string.Join("; ", run.Failures ?? [])));
        }

        return table;
    }

    /// <summary>Updates the bars synchronously (Progress&lt;T&gt; would post to the thread pool and reorder updates).</summary>
    private sealed class ProgressTaskUpdater(IReadOnlyDictionary<string, ProgressTask> tasks) : IProgress<EvalProgress>
    {
        public void Report(EvalProgress value)
        {
            var task = tasks[value.Suite];
            var name = Markup.Escape(value.Suite);
            switch (value.Kind)
            {
                case EvalProgressKind.Started:
                    task.StartTask();
                    break;
                case EvalProgressKind.Step:
                    task.Description = $"{name}: [grey]{Markup.Escape(value.Message)}[/]";
                    break;
                case EvalProgressKind.Finished:
                    task.Description = $"{name}: [green]{Markup.Escape(value.Message)}[/]";
                    task.Value = task.MaxValue;
                    task.StopTask();
                    break;
                default:
                    task.Description = $"{name}: [red]{Markup.Escape(value.Message)}[/]";
                    task.StopTask();
                    break;
            }
        }
    }
}
