using JorgeCopilot.Core.Store;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Core.Security;

/// <summary>
/// Adds dashboard accounts and checks sign-ins. Passwords are hashed with ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512, 100,000 iterations, per-password salt), so a leaked store
/// does not leak passwords. After <see cref="MaxFailedSignIns"/> wrong passwords in a row the account is locked for
/// <see cref="LockoutDuration"/>: guessing becomes too slow to matter, and the owner is locked out only briefly.
/// </summary>
public sealed class DashboardUserStore(IDbContextFactory<JorgeDbContext> contexts, TimeProvider time)
{
    public const int MaxNameLength = 100;
    public const int MinPasswordLength = 8;
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    private static readonly PasswordHasher<DashboardUser> Hasher = new();

    /// <summary>Creates the account, or replaces its password when <paramref name="replace"/> is set.</summary>
    public async Task<DashboardUserResult> AddAsync(string name, string password, bool replace, CancellationToken cancellationToken)
    {
        var problem = Validate(name, password);
        if (problem is not null)
        {
            return new DashboardUserResult(DashboardUserOutcome.Invalid, problem);
        }

        name = name.Trim();
        var normalized = Normalize(name);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.DashboardUsers.FirstOrDefaultAsync(u => u.NormalizedName == normalized, cancellationToken);
        if (user is not null && !replace)
        {
            return new DashboardUserResult(DashboardUserOutcome.Exists, $"A user named '{user.Name}' already exists (use --replace to set a new password).");
        }

        if (user is null)
        {
            user = new DashboardUser { Name = name, NormalizedName = normalized, PasswordHash = "", CreatedAt = time.GetUtcNow().UtcDateTime };
            db.DashboardUsers.Add(user);
        }

        user.PasswordHash = Hasher.HashPassword(user, password);
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        return new DashboardUserResult(replace ? DashboardUserOutcome.Updated : DashboardUserOutcome.Created, null);
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DashboardUsers.AnyAsync(cancellationToken);
    }

    /// <summary>
    /// Checks a sign-in. An unknown name and a wrong password give the same answer (no account enumeration); a locked
    /// account answers <see cref="SignInOutcome.LockedOut"/> even for the right password.
    /// </summary>
    public async Task<SignInCheck> CheckAsync(string? name, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrEmpty(password) || name.Length > MaxNameLength || password.Length > 1000)
        {
            return new SignInCheck(SignInOutcome.Failed, null);
        }

        var normalized = Normalize(name.Trim());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.DashboardUsers.FirstOrDefaultAsync(u => u.NormalizedName == normalized, cancellationToken);
        if (user is null)
        {
            // Spend the same hashing time as a real check, so response time does not reveal which names exist.
            Hasher.VerifyHashedPassword(DummyUser, DummyHash, password);
            return new SignInCheck(SignInOutcome.Failed, null);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (user.LockedUntil is { } until && until > now)
        {
            return new SignInCheck(SignInOutcome.LockedOut, null);
        }

        var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.FailedSignIns++;
            if (user.FailedSignIns >= MaxFailedSignIns)
            {
                user.LockedUntil = now + LockoutDuration;
                user.FailedSignIns = 0;
            }

            await db.SaveChangesAsync(cancellationToken);
            return new SignInCheck(user.LockedUntil > now ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Hasher.HashPassword(user, password);
        }

        user.FailedSignIns = 0;
        user.LockedUntil = null;
        user.LastSignInAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return new SignInCheck(SignInOutcome.Succeeded, user.Name);
    }

    /// <returns>Why the name or password is not acceptable, or null.</returns>
    public static string? Validate(string? name, string? password)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "The user name is empty.";
        }

        if (name.Trim().Length > MaxNameLength || name.Any(char.IsControl))
        {
            return $"The user name must be at most {MaxNameLength} printable characters.";
        }

        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
        {
            return $"The password must be at least {MinPasswordLength} characters.";
        }

        return password.Length > 1000 ? "The password must be at most 1000 characters." : null;
    }

    private static string Normalize(string name) => name.ToUpperInvariant();

    private static readonly DashboardUser DummyUser = new() { Name = "-", NormalizedName = "-", PasswordHash = "" };
    private static readonly string DummyHash = Hasher.HashPassword(DummyUser, "not a password anyone has");
}

public enum DashboardUserOutcome
{
    Created,
    Updated,
    Exists,
    Invalid,
}

public sealed record DashboardUserResult(DashboardUserOutcome Outcome, string? Problem);

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}

/// <param name="UserName">The account's name as stored, when the sign-in succeeded.</param>
public sealed record SignInCheck(SignInOutcome Outcome, string? UserName);
