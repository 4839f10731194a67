using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Monitoring;
using JorgeCopilot.Intelligence.Registry;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.IntegrationTests.LeadScoring;

/// <summary>A retraining run over a real store, lock and registry; the trainers are recorders (real ones are tested on their own).</summary>
public sealed class RetrainingRunTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_task_of_a_run_reports_as_being_trained_until_its_own_training_ends()
    {
        var factory = await TestStores.CreateMigratedAsync(StoreProvider.Sqlite);
        var activity = new TrainingActivity(TimeProvider.System);
        var first = new RecordingTrainer("first-task", activity, "second-task");
        var second = new RecordingTrainer("second-task", activity, "first-task");
        var services = new ServiceCollection()
            .AddSingleton<IJobLock>(new StoreJobLock(factory, TimeProvider.System))
            .AddSingleton<IModelRegistry>(BankMarketingStore.Registry(factory))
            .AddSingleton(activity)
            .AddSingleton<IModelTrainer>(first)
            .AddSingleton<IModelTrainer>(second)
            .BuildServiceProvider();
        var job = new RetrainingJob(services, Options.Create(new RetrainingOptions()), TimeProvider.System, NullLogger<RetrainingJob>.Instance);

        var outcomes = await job.RunOnceAsync(Ct);

        outcomes!.Select(o => o.Task).ShouldBe(["first-task", "second-task"]);
        // While the first task trained, the second (queued in the same run) already counted as under way...
        first.OtherWasMarked.ShouldBeTrue();
        first.SelfWasMarked.ShouldBeTrue();
        // ...and once the first was done it no longer did.
        second.OtherWasMarked.ShouldBeFalse();
        activity.StartedAt("first-task").ShouldBeNull();
        activity.StartedAt("second-task").ShouldBeNull();
    }

    private sealed class RecordingTrainer(string task, TrainingActivity activity, string other) : IModelTrainer
    {
        public string Task => task;

        public string Description => "records what the training activity says while it runs";

        public bool SelfWasMarked { get; private set; }

        public bool OtherWasMarked { get; private set; }

        public Task<TrainingOutcome> TrainAsync(TrainingRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
        {
            SelfWasMarked = activity.StartedAt(task) is not null;
            OtherWasMarked = activity.StartedAt(other) is not null;
            return System.Threading.Tasks.Task.FromResult(new TrainingOutcome(task, 1, "recorder", new Dictionary<string, double>(), true, "recorded"));
        }
    }
}
