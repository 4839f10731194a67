namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>The sentences answers use to say what is generated and what is real.</summary>
public static class ForecastProvenance
{
    public const string Deals = "Jorge's deals are generated attribution: real King County sale prices and dates (2014–15) assigned to him by a deterministic sample; stage dates and open deals are generated.";

    public static string Market(string region) => $"Market: Zillow's {region} metro monthly sales counts (real data, Zillow Research).";

    public static string Both(string region) => Deals + " " + Market(region);
}
