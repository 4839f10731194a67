using System.Globalization;

namespace JorgeCopilot.Dashboard.Presentation;

/// <summary>How the pages write figures; the browser tests format the API's numbers the same way to compare them.</summary>
public static class Format
{
    /// <summary>0.4321 → "43.2%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Money(double amount) => "$" + amount.ToString("N0", CultureInfo.InvariantCulture);

    public static string Points(double points) => (points >= 0 ? "+" : "") + points.ToString("0.0", CultureInfo.InvariantCulture) + " pts";

    public static string Day(DateTime? at) => at is { } a ? a.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";
}
