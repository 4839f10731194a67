using System.ComponentModel;
using JorgeCopilot.Intelligence.Capabilities;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.IntegrationTests.ThrowawayCapability;

/// <summary>A capability that exists only in this test folder: one function, its declared presentation, nothing else.</summary>
public sealed class OpenHousePlugin
{
    [KernelFunction("count_open_houses")]
    [Description("How many open houses are scheduled this weekend, in a ZIP code or the whole market, with the last four weekends.")]
    [Answer("open-houses", Title = "Open houses this weekend", HeadlineFigures = 1)]
    [FollowUp("Market trends", "housing market trends")]
    public OpenHouses CountOpenHouses([Description("5-digit ZIP code")] string? zip = null) =>
        new(zip is null ? 412 : 37, zip ?? "all", new ChartData("Open houses per weekend", ["Nov 7", "Nov 14", "Nov 21", "Nov 28"],
            new Dictionary<string, IReadOnlyList<double>> { ["Open houses"] = [29, 33, 31, 37] }));
}

public sealed record OpenHouses(int OpenHouseCount, string Zip, ChartData Chart);
