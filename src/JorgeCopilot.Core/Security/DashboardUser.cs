namespace JorgeCopilot.Core.Security;

/// <summary>
/// A local account for the dashboard, created with <c>jorge user add</c>. The password is kept only as an ASP.NET Core
/// Identity hash (PBKDF2, salted, iterated). Failed sign-ins are counted so repeated guessing locks the account for a while.
/// </summary>
public sealed class DashboardUser
{
    public long Id { get; set; }

    /// <summary>The sign-in name, stored as typed; looked up by <see cref="NormalizedName"/>.</summary>
    public required string Name { get; set; }

    /// <summary>Upper-case invariant form of <see cref="Name"/>, unique, so "Jorge" and "jorge" are one account.</summary>
    public required string NormalizedName { get; set; }

    public required string PasswordHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastSignInAt { get; set; }

    /// <summary>Failed sign-ins since the last success or lockout.</summary>
    public int FailedSignIns { get; set; }

    public DateTime? LockedUntil { get; set; }
}
