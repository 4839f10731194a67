using JorgeCopilot.Intelligence.Capabilities;

namespace JorgeCopilot.Dashboard.Presentation;

/// <summary>
/// The pages in the menu. A page that needs a capability is listed only when that capability is installed
/// (registered as an <see cref="ICapability"/>), so a host composed without it simply has no such page.
/// </summary>
public static class DashboardNav
{
    public static readonly IReadOnlyList<NavEntry> Entries =
    [
        new("Leads", "/dashboard/leads", "LeadScoring"),
        new("Before a visit", "/dashboard/visit", "LeadScoring"),
        new("Scoring model", "/dashboard/model", "LeadScoring"),
        new("Market", "/dashboard/market", "Pricing"),
        new("Revenue", "/dashboard/revenue", "Forecasting"),
        new("Bots", "/dashboard/bots", "Variants"),
        new("Client insights", "/dashboard/insights", "Behavior"),
        new("Chat", "/dashboard/chat", null),
    ];

    public static IEnumerable<NavEntry> Visible(IEnumerable<ICapability> installed)
    {
        var names = installed.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return Entries.Where(e => e.Capability is null || names.Contains(e.Capability));
    }

    public static bool IsInstalled(IEnumerable<ICapability> installed, string capability) => installed.Any(c => c.Name == capability);
}

/// <param name="Capability">The <see cref="ICapability.Name"/> the page needs, or null when it needs none.</param>
public sealed record NavEntry(string Title, string Path, string? Capability);
