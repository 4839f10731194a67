using JorgeCopilot.Intelligence.Capabilities;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.ThrowawayCapability;

/// <summary>The throwaway capability's one registration, with its planner examples inline.</summary>
public sealed class OpenHouseCapability : ICapability
{
    public string Name => "OpenHouses";

    public PlannerExamples Examples { get; } = new([],
    [
        .. new[]
        {
            "how many open houses this weekend", "open houses in xzip this weekend", "count the open houses", "any open houses saturday",
            "open house count for xzip", "how many homes are open this weekend", "number of open houses", "open houses near xzip",
            "what open houses are on this weekend", "show open house numbers", "weekend open houses", "how busy is open house season",
            "open houses sunday in xzip", "how many showings are open to the public this weekend", "open house tally",
            "are there many open houses in xzip", "total open houses", "open houses coming up", "how many open houses are scheduled",
            "open house activity this weekend",
        }.Select(text => new PlannerExample(text, "count_open_houses")),
    ]);

    public void AddServices(IServiceCollection services) => services.AddKernelPlugin<OpenHousePlugin>(Name);

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
