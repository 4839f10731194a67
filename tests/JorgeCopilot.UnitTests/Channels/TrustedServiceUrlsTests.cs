using JorgeCopilot.Channels.BotFramework;
using Shouldly;

namespace JorgeCopilot.UnitTests.Channels;

public sealed class TrustedServiceUrlsTests
{
    [Fact]
    public void Only_urls_from_authenticated_activities_are_trusted()
    {
        var trusted = new TrustedServiceUrls(TimeProvider.System);
        trusted.Trust("https://smba.trafficmanager.net/amer/");

        trusted.IsTrusted("https://SMBA.trafficmanager.net/amer").ShouldBeTrue();
        trusted.IsTrusted("https://smba.trafficmanager.net.evil.example/amer").ShouldBeFalse();
        trusted.IsTrusted("https://evil.example/").ShouldBeFalse();
        trusted.IsTrusted(null).ShouldBeFalse();
    }
}
