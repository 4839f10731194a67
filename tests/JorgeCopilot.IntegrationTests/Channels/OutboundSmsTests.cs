using System.Text;
using JorgeCopilot.Channels.Sms;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>Outbound texts through Twilio's REST client, against a Twilio-shaped stub on loopback.</summary>
public sealed class OutboundSmsTests
{
    private const string AccountSid = "AC00000000000000000000000000000001";
    private const string AuthToken = "test-twilio-auth-token";
    private const string From = "+12065550100";
    private const string Jorge = "+12065550123";

    [Fact]
    public async Task An_alert_reaches_each_of_jorges_numbers_through_the_twilio_messages_api()
    {
        await using var twilio = TwilioStub.Start();
        await using var host = await ChannelsHost.StartAsync(new()
        {
            ["Sms:AccountSid"] = AccountSid,
            ["Sms:AuthToken"] = AuthToken,
            ["Sms:FromNumber"] = From,
            ["Sms:ApiBaseUrl"] = twilio.BaseUrl,
            ["Sms:AllowedSenders:0"] = Jorge,
        });

        var sids = await host.Services.GetRequiredService<TwilioSmsSender>().AlertOwnerAsync("3 new hot leads since 9:00", TestContext.Current.CancellationToken);

        var request = twilio.Requests.ShouldHaveSingleItem();
        sids.ShouldHaveSingleItem().ShouldStartWith("SM");
        request.Path.ShouldBe($"/2010-04-01/Accounts/{AccountSid}/Messages.json");
        request.Authorization.ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}")));
        request.Form["To"].ShouldBe(Jorge);
        request.Form["From"].ShouldBe(From);
        request.Form["Body"].ShouldBe("3 new hot leads since 9:00");
    }

    [Fact]
    public async Task Without_credentials_nothing_is_sent()
    {
        await using var twilio = TwilioStub.Start();
        await using var host = await ChannelsHost.StartAsync(new() { ["Sms:ApiBaseUrl"] = twilio.BaseUrl, ["Sms:AllowedSenders:0"] = Jorge });

        var sids = await host.Services.GetRequiredService<TwilioSmsSender>().AlertOwnerAsync("hello", TestContext.Current.CancellationToken);

        sids.ShouldBeEmpty();
        twilio.Requests.ShouldBeEmpty();
    }
}
