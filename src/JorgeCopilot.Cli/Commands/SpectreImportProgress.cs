using JorgeCopilot.Core.Data;
using Spectre.Console;

namespace JorgeCopilot.Cli.Commands;

/// <summary>Shows import progress as Spectre progress bars: one bar per import step, updated synchronously.</summary>
internal sealed class SpectreImportProgress(ProgressContext context) : IProgress<ImportProgress>
{
    private readonly Dictionary<string, ProgressTask> _tasks = [];
    private readonly Lock _gate = new();

    public void Report(ImportProgress value)
    {
        lock (_gate)
        {
            if (!_tasks.TryGetValue(value.Task, out var task))
            {
                task = context.AddTask(Markup.Escape(value.Task), autoStart: true, maxValue: Math.Max(1, value.Total));
                _tasks[value.Task] = task;
            }

            task.IsIndeterminate = value.Total <= 0;
            if (value.Total > 0)
            {
                task.MaxValue = value.Total;
                task.Value = value.Done;
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> under a progress display (plain output when the console is not interactive).</summary>
    public static Task<T> RunAsync<T>(Func<IProgress<ImportProgress>, Task<T>> work) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(ctx => work(new SpectreImportProgress(ctx)));
}
