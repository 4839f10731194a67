namespace JorgeCopilot.Core.Business;

/// <summary>
/// One line of Jorge's cost table or activity log: what a lead source or an activity cost him in a month, in dollars
/// and/or hours. Natural key: (<see cref="Category"/>, <see cref="Name"/>, <see cref="Month"/>). Imported as kind <c>costs</c>.
/// </summary>
public sealed class BusinessCost
{
    public long Id { get; set; }

    /// <summary><see cref="CostCategories.Source"/> (a lead source, e.g. Zillow ads) or <see cref="CostCategories.Activity"/> (e.g. showings).</summary>
    public required string Category { get; set; }

    public required string Name { get; set; }

    /// <summary>First day of the month the line covers.</summary>
    public DateOnly Month { get; set; }

    public decimal? Amount { get; set; }

    public double? Hours { get; set; }

    /// <summary>For an activity: the lead source it served, when the log says (its revenue is then shared by hours).</summary>
    public string? LeadSource { get; set; }

    /// <summary>True for the bundled illustrative example: answers must say the figures are not Jorge's.</summary>
    public bool IsIllustrative { get; set; }
}

public static class CostCategories
{
    public const string Source = "source";
    public const string Activity = "activity";
}
