using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Monitoring;
using JorgeCopilot.Intelligence.Registry;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.IntegrationTests.LeadScoring;

/// <summary>Champion/challenger in the registry and the single-runner job lock, on both providers.</summary>
public sealed class RegistryAndLockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ModelCandidate Candidate(string task, double auc) =>
        new(task, "test", null, null, "test", new Dictionary<string, double> { ["auc"] = auc }, "{}", [1, 2, 3]);

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task A_challenger_replaces_the_champion_only_when_it_wins_on_the_same_holdout(StoreProvider provider)
    {
        var factory = await TestStores.CreateMigratedAsync(provider);
        var registry = BankMarketingStore.Registry(factory);
        var first = await registry.RegisterAsync(Candidate("pricing-test", 0.70), new ChampionComparison("auc", true, 0.70, null, null), Ct);
        first.Promoted.ShouldBeTrue();

        var worse = await registry.RegisterAsync(Candidate("pricing-test", 0.68), new ChampionComparison("auc", true, 0.68, 0.70, 1), Ct);
        worse.Promoted.ShouldBeFalse();
        worse.Reason.ShouldContain("does not beat");

        var better = await registry.RegisterAsync(Candidate("pricing-test", 0.75), new ChampionComparison("auc", true, 0.75, 0.70, 1), Ct);
        better.Promoted.ShouldBeTrue();

        // A comparison against a champion that has since been replaced does not promote.
        var stale = await registry.RegisterAsync(Candidate("pricing-test", 0.90), new ChampionComparison("auc", true, 0.90, 0.70, 1), Ct);
        stale.Promoted.ShouldBeFalse();

        var versions = await registry.ListAsync("pricing-test", Ct);
        versions.Select(v => v.Version).ShouldBe([4, 3, 2, 1]);
        versions.Single(v => v.IsChampion).Version.ShouldBe(3);
        versions.Single(v => v.Version == 2).Metrics["champion_auc"].ShouldBe(0.70);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Retraining_the_lead_model_on_the_same_data_does_not_displace_the_champion(StoreProvider provider)
    {
        var store = await BankMarketingStore.ForAsync(provider);
        store.Training.Promoted.ShouldBeTrue();
        var again = await BankMarketingStore.Trainer(store.Factory).TrainAsync(new TrainingRequest(), null, Ct);

        // Same rows, same seed: the challenger ties the champion on the same held-out rows, and a tie does not promote.
        again.PromotedToChampion.ShouldBeFalse();
        again.Metrics["auc"].ShouldBe(again.Metrics["champion_auc"], 1e-9);
        var champion = await BankMarketingStore.Registry(store.Factory).GetChampionSummaryAsync("lead-scoring", Ct);
        champion!.Version.ShouldBe(store.Training.Version);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Only_one_holder_of_the_job_lock_at_a_time(StoreProvider provider)
    {
        var factory = await TestStores.CreateMigratedAsync(provider);
        var replicaA = new StoreJobLock(factory, TimeProvider.System);
        var replicaB = new StoreJobLock(factory, TimeProvider.System);

        var held = await replicaA.TryAcquireAsync("weekly-retraining", TimeSpan.FromMinutes(5), Ct);
        held.ShouldNotBeNull();
        (await replicaB.TryAcquireAsync("weekly-retraining", TimeSpan.FromMinutes(5), Ct)).ShouldBeNull();
        await held.DisposeAsync();

        var next = await replicaB.TryAcquireAsync("weekly-retraining", TimeSpan.FromMinutes(5), Ct);
        next.ShouldNotBeNull();
        await next.DisposeAsync();
    }
}
