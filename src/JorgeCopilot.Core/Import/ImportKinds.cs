namespace JorgeCopilot.Core.Import;

/// <summary>The kinds of file <c>jorge import</c> understands.</summary>
public static class ImportKinds
{
    public const string Leads = "leads";
    public const string Messages = "messages";
    public const string Properties = "properties";
    public const string Deals = "deals";
    public const string Outcomes = "outcomes";
    public const string Series = "series";
    public const string Conversations = "conversations";
    /// <summary>Competitor listing exports (MLS, brokerage): imported by the Market capability's importer.</summary>
    public const string Listings = "listings";
    /// <summary>Jorge's cost table and activity log (dollars and hours per lead source or activity): imported by the Forecasting capability's importer.</summary>
    public const string Costs = "costs";
    /// <summary>Rows read only by trainers and evals (e.g. a CRM export used for <c>jorge train</c>); not imported.</summary>
    public const string Training = "training";

    public static IReadOnlyList<string> All { get; } = [Leads, Messages, Properties, Deals, Outcomes, Series, Conversations, Listings, Costs, Training];
}
