using JorgeCopilot.Core.Store;
using JorgeCopilot.Core.Variants;
using JorgeCopilot.Intelligence.Variants;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.IntegrationTests.Variants;

/// <summary>The bandit's counts under concurrent outcomes from several "replicas" (service instances) against one store.</summary>
public sealed class BanditConcurrencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Outcomes_hammered_from_many_tasks_and_replicas_lose_and_double_no_count(StoreProvider provider)
    {
        var factory = await TestStores.CreateMigratedAsync(provider);
        var replicas = Enumerable.Range(0, 4).Select(i => VariantsHarness.Service(factory, new VariantsOptions { Seed = i, LookEvery = 1_000_000 })).ToArray();
        var served = new List<VariantOption>();
        for (var i = 0; i < 40; i++)
        {
            var result = await replicas[i % replicas.Length].GenerateAsync(
                new VariantRequest(Context: new VariantContext(FirstName: "Ana", Temperature: "warm", Stage: "new"), Count: 3), Ct);
            served.AddRange(result.Set!.Variants);
        }

        // Every served variant gets an outcome; each is sent three times (retries) from different replicas at once,
        // and a third of them later climb to an appointment.
        var work = served.SelectMany((v, i) => Enumerable.Range(0, 3).Select(r => (v.ServedId, Level: i % 2 == 0 ? OutcomeLevel.Reply : OutcomeLevel.NoReply, Replica: (i + r) % replicas.Length)))
            .Concat(served.Where((_, i) => i % 3 == 0).Select((v, i) => (v.ServedId, Level: OutcomeLevel.Appointment, Replica: i % replicas.Length)))
            .OrderBy(x => x.ServedId)
            .ToList();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Ct },
            async (item, ct) => await replicas[item.Replica].RecordOutcomeAsync(item.ServedId, item.Level, ct));

        await using var db = factory.CreateDbContext();
        var arms = await db.VariantArms.AsNoTracking().ToListAsync(Ct);
        var expectedSuccesses = served.Where((_, i) => i % 2 == 0 || i % 3 == 0).Count();
        arms.Sum(a => a.Trials).ShouldBe(served.Count);
        arms.Sum(a => a.Successes).ShouldBe(expectedSuccesses);
        var perArm = served.GroupBy(v => v.ArmId).ToDictionary(g => g.Key, g => g.Count());
        foreach (var arm in arms)
        {
            arm.Trials.ShouldBe(perArm.GetValueOrDefault(arm.Id), $"arm {arm.Strategy}");
        }
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task A_repeated_outcome_is_reported_as_already_recorded(StoreProvider provider)
    {
        var factory = await TestStores.CreateMigratedAsync(provider);
        var service = VariantsHarness.Service(factory);
        var variant = (await service.GenerateAsync(new VariantRequest(Context: new VariantContext(FirstName: "Ana"), Count: 1), Ct)).Set!.Variants[0];

        (await service.RecordOutcomeAsync(variant.ServedId, OutcomeLevel.Reply, Ct)).ShouldBe(OutcomeRecording.Counted);
        (await service.RecordOutcomeAsync(variant.ServedId, OutcomeLevel.Reply, Ct)).ShouldBe(OutcomeRecording.AlreadyRecorded);
        (await service.RecordOutcomeAsync(Guid.NewGuid(), OutcomeLevel.Reply, Ct)).ShouldBe(OutcomeRecording.UnknownServedId);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Every_served_variant_is_logged_with_the_propensity_it_was_returned_with(StoreProvider provider)
    {
        var factory = await TestStores.CreateMigratedAsync(provider);
        var service = VariantsHarness.Service(factory);
        var set = (await service.GenerateAsync(new VariantRequest(Context: new VariantContext(Temperature: "hot"), Count: 4), Ct)).Set!;

        await using var db = factory.CreateDbContext();
        var logged = await db.ServedVariants.AsNoTracking().ToDictionaryAsync(s => s.ServedId, Ct);
        logged.Count.ShouldBe(4);
        foreach (var v in set.Variants)
        {
            logged[v.ServedId].Propensity.ShouldBe(v.Propensity);
            logged[v.ServedId].Rank.ShouldBe(v.Rank);
            v.Propensity.ShouldBeInRange(0.0, 1.0);
        }
    }
}
