using JorgeCopilot.Core.Security;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.UnitTests.Dashboard;

/// <summary>Dashboard accounts on a real SQLite file: hashing, case-insensitive names, lockout.</summary>
public sealed class DashboardUserStoreTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_right_password_signs_in_and_the_store_holds_no_plain_text()
    {
        var (store, contexts) = await NewStoreAsync();
        (await store.AddAsync("Jorge", "correct horse battery", replace: false, Ct)).Outcome.ShouldBe(DashboardUserOutcome.Created);

        var check = await store.CheckAsync("jorge", "correct horse battery", Ct);

        check.ShouldBe(new SignInCheck(SignInOutcome.Succeeded, "Jorge"));
        await using var db = contexts.CreateDbContext();
        var row = await db.DashboardUsers.SingleAsync(Ct);
        row.PasswordHash.ShouldNotContain("correct horse");
        row.PasswordHash.Length.ShouldBeGreaterThan(40);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_name_both_fail()
    {
        var (store, _) = await NewStoreAsync();
        await store.AddAsync("jorge", "correct horse battery", replace: false, Ct);

        (await store.CheckAsync("jorge", "Correct horse battery", Ct)).Outcome.ShouldBe(SignInOutcome.Failed);
        (await store.CheckAsync("maria", "correct horse battery", Ct)).Outcome.ShouldBe(SignInOutcome.Failed);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one_until_the_lockout_ends()
    {
        var (store, _) = await NewStoreAsync();
        await store.AddAsync("jorge", "correct horse battery", replace: false, Ct);
        for (var i = 0; i < DashboardUserStore.MaxFailedSignIns; i++)
        {
            await store.CheckAsync("jorge", "guess " + i, Ct);
        }

        (await store.CheckAsync("jorge", "correct horse battery", Ct)).Outcome.ShouldBe(SignInOutcome.LockedOut);
        _clock.Advance(DashboardUserStore.LockoutDuration + TimeSpan.FromSeconds(1));
        (await store.CheckAsync("jorge", "correct horse battery", Ct)).Outcome.ShouldBe(SignInOutcome.Succeeded);
    }

    [Fact]
    public async Task Adding_an_existing_name_is_refused_unless_replacing_and_replacing_changes_the_password()
    {
        var (store, _) = await NewStoreAsync();
        await store.AddAsync("jorge", "first password", replace: false, Ct);

        (await store.AddAsync("JORGE", "second password", replace: false, Ct)).Outcome.ShouldBe(DashboardUserOutcome.Exists);
        (await store.AddAsync("JORGE", "second password", replace: true, Ct)).Outcome.ShouldBe(DashboardUserOutcome.Updated);
        (await store.CheckAsync("jorge", "first password", Ct)).Outcome.ShouldBe(SignInOutcome.Failed);
        (await store.CheckAsync("jorge", "second password", Ct)).Outcome.ShouldBe(SignInOutcome.Succeeded);
    }

    [Theory]
    [InlineData("", "long enough pw")]
    [InlineData("jorge", "short")]
    [InlineData("jo\u0007rge", "long enough pw")]
    public async Task An_empty_name_a_short_password_or_control_characters_are_refused(string name, string password)
    {
        var (store, _) = await NewStoreAsync();

        var result = await store.AddAsync(name, password, replace: false, Ct);

        result.Outcome.ShouldBe(DashboardUserOutcome.Invalid);
        (await store.AnyAsync(Ct)).ShouldBeFalse();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(DashboardUserStore Store, JorgeDbContextFactory Contexts)> NewStoreAsync()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("jorge-users-").FullName, "jorge.db");
        var contexts = new JorgeDbContextFactory(new StoreConnection(StoreProvider.Sqlite, $"Data Source={file}", IsEmbeddedDefault: false));
        await contexts.MigrateAsync(Ct);
        return (new DashboardUserStore(contexts, _clock), contexts);
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
