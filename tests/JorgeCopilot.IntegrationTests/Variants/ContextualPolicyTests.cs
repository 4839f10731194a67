using JorgeCopilot.Core.Store;
using JorgeCopilot.Core.Variants;
using JorgeCopilot.Intelligence.Variants;
using JorgeCopilot.IntegrationTests.Infrastructure;

namespace JorgeCopilot.IntegrationTests.Variants;

/// <summary><c>Variants:Policy=contextual</c> through the service over a real store: what hot leads taught carries to a new hot segment.</summary>
public sealed class ContextualPolicyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task A_strategy_that_wins_with_hot_leads_leads_the_ranking_for_a_hot_segment_never_served(StoreProvider provider)
    {
        var factory = await TestStores.CreateMigratedAsync(provider);
        var options = new VariantsOptions
        {
            Seed = 3, LookEvery = 1_000_000, Policy = VariantsOptions.ContextualPolicy, Writer = "templates",
            Strategies = [Strategies.Urgency, Strategies.Empathetic],
        };
        var service = VariantsHarness.Service(factory, options);

        // Hot leads in two stages: urgency always gets a reply, empathy never does.
        foreach (var stage in new[] { "new", "qualified" })
        {
            for (var i = 0; i < 30; i++)
            {
                var set = (await service.GenerateAsync(new VariantRequest(Context: new VariantContext(FirstName: "Ana", Temperature: "hot", Stage: stage), Count: 2), Ct)).Set!;
                foreach (var variant in set.Variants)
                {
                    var level = variant.Strategy == Strategies.Urgency ? OutcomeLevel.Reply : OutcomeLevel.NoReply;
                    (await service.RecordOutcomeAsync(variant.ServedId, level, Ct)).ShouldBe(OutcomeRecording.Counted);
                }
            }
        }

        var fresh = (await service.GenerateAsync(new VariantRequest(Context: new VariantContext(FirstName: "Ana", Temperature: "hot", Stage: "showing"), Count: 1), Ct)).Set!;
        var segmentOnly = (await VariantsHarness.Service(factory, new VariantsOptions { Seed = 3, Writer = "templates", Strategies = options.Strategies })
            .GenerateAsync(new VariantRequest(Context: new VariantContext(FirstName: "Ana", Temperature: "hot", Stage: "showing"), Count: 1), Ct)).Set!;

        fresh.Variants[0].Strategy.ShouldBe(Strategies.Urgency);
        fresh.Variants[0].Propensity.ShouldBeGreaterThan(0.75); // "showing" itself is unseen, so its weight keeps its prior spread
        segmentOnly.Variants[0].Propensity.ShouldBeInRange(0.4, 0.6); // the segment policy knows nothing of this segment yet
    }
}
