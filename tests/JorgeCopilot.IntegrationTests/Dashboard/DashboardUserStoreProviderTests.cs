using JorgeCopilot.Core.Security;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;

namespace JorgeCopilot.IntegrationTests.Dashboard;

/// <summary>Dashboard accounts through each provider's migration: one account per name whatever its case, lockout counted in the store.</summary>
public sealed class DashboardUserStoreProviderTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task An_account_signs_in_under_any_case_of_its_name_and_a_second_with_the_same_name_is_refused(StoreProvider provider)
    {
        var store = new DashboardUserStore(await TestStores.CreateMigratedAsync(provider), TimeProvider.System);

        (await store.AddAsync("Jorge", "a long password", replace: false, CancellationToken.None)).Outcome.ShouldBe(DashboardUserOutcome.Created);
        (await store.AddAsync("JORGE", "another password", replace: false, CancellationToken.None)).Outcome.ShouldBe(DashboardUserOutcome.Exists);
        (await store.CheckAsync("jorge", "a long password", CancellationToken.None)).ShouldBe(new SignInCheck(SignInOutcome.Succeeded, "Jorge"));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Wrong_passwords_are_counted_in_the_store_so_a_second_replica_sees_the_lockout(StoreProvider provider)
    {
        var contexts = await TestStores.CreateMigratedAsync(provider);
        var replicaA = new DashboardUserStore(contexts, TimeProvider.System);
        var replicaB = new DashboardUserStore(contexts, TimeProvider.System);
        await replicaA.AddAsync("jorge", "a long password", replace: false, CancellationToken.None);

        for (var i = 0; i < DashboardUserStore.MaxFailedSignIns; i++)
        {
            await (i % 2 == 0 ? replicaA : replicaB).CheckAsync("jorge", "wrong " + i, CancellationToken.None);
        }

        (await replicaB.CheckAsync("jorge", "a long password", CancellationToken.None)).Outcome.ShouldBe(SignInOutcome.LockedOut);
    }
}
