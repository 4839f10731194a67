using System.Net;
using JorgeCopilot.Channels.BotFramework;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Shouldly;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>
/// /api/messages with an app id: tokens minted here with our own RSA keys, published through our own OpenID
/// metadata on loopback, so signature, issuer, audience, lifetime and serviceurl checks really run.
/// </summary>
public sealed class BotAuthenticationTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string SellerBotAppId = "99999999-8888-7777-6666-555555555555";
    private const string OutboundToken = "outbound-client-credentials-token";
    private LoopbackChannel _channel = null!;
    private ChannelsHost _host = null!;
    private RsaSecurityKey _key = null!;

    public async ValueTask InitializeAsync()
    {
        _channel = await LoopbackChannel.StartAsync();
        _key = _channel.PublishNewKey("key-1");
        _host = await ChannelsHost.StartAsync(
            new()
            {
                ["Bot:MicrosoftAppId"] = AppId,
                ["Bot:MicrosoftAppPassword"] = "not-a-real-secret",
                ["Bot:OpenIdMetadataUrl"] = _channel.MetadataUrl,
                ["Bot:EmulatorOpenIdMetadataUrl"] = _channel.MetadataUrl,
                ["Bot:MetadataRefreshInterval"] = "00:00:01",
                ["Bot:AllowedCallers:0"] = SellerBotAppId,
            },
            new FixedTokenProvider(OutboundToken));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _channel.DisposeAsync();
    }

    [Fact]
    public async Task A_valid_channel_token_is_accepted_and_the_reply_carries_our_outbound_token()
    {
        var conversation = TestActivities.NewConversation();
        var token = LoopbackChannel.MintToken(_key, BotAuthenticator.BotFrameworkIssuer, AppId, _channel.ServiceUrl);

        using var response = await TestActivities.PostAsync(_host.MessagesUrl, TestActivities.Message(conversation, "hello", _channel.ServiceUrl), token);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await _channel.WaitForAsync(conversation, 1);
        _channel.Activities.Single(a => a.Activity["conversation"]!["id"]!.GetValue<string>() == conversation)
            .Authorization.ShouldBe("Bearer " + OutboundToken);
    }

    [Fact]
    public async Task A_rolled_signing_key_is_picked_up_by_refreshing_the_metadata()
    {
        // Prime the cache with key-1, then sign with a key the cached metadata does not have yet.
        var conversation = TestActivities.NewConversation();
        var first = LoopbackChannel.MintToken(_key, BotAuthenticator.BotFrameworkIssuer, AppId, _channel.ServiceUrl);
        (await TestActivities.PostAsync(_host.MessagesUrl, TestActivities.Message(conversation, "one", _channel.ServiceUrl), first)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var fetches = _channel.MetadataFetches;
        var rolled = _channel.PublishNewKey("key-2");
        await Task.Delay(1100, TestContext.Current.CancellationToken);

        var token = LoopbackChannel.MintToken(rolled, BotAuthenticator.BotFrameworkIssuer, AppId, _channel.ServiceUrl);
        using var response = await TestActivities.PostAsync(_host.MessagesUrl, TestActivities.Message(conversation, "two", _channel.ServiceUrl), token);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        _channel.MetadataFetches.ShouldBeGreaterThan(fetches);
        (await _channel.WaitForAsync(conversation, 2)).Count.ShouldBe(2);
    }

    public static TheoryData<string> BadTokens => ["none", "wrong-audience", "expired", "bad-signature", "wrong-issuer", "serviceurl-mismatch", "emulator-for-other-app", "garbage"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bad_tokens_are_401_and_nothing_is_processed(string kind)
    {
        var conversation = TestActivities.NewConversation();
        var activity = TestActivities.Message(conversation, "should never be answered", _channel.ServiceUrl);
        var token = kind switch
        {
            "none" => null,
            "wrong-audience" => LoopbackChannel.MintToken(_key, BotAuthenticator.BotFrameworkIssuer, "some-other-bot", _channel.ServiceUrl),
            "expired" => LoopbackChannel.MintToken(_key, BotAuthenticator.BotFrameworkIssuer, AppId, _channel.ServiceUrl, DateTime.UtcNow.AddMinutes(-30)),
            // Same key id as the published key, different private key: the signature cannot verify.
            "bad-signature" => LoopbackChannel.MintToken(LoopbackChannel.NewKey("key-1"), BotAuthenticator.BotFrameworkIssuer, AppId, _channel.ServiceUrl),
            "wrong-issuer" => LoopbackChannel.MintToken(_key, "https://evil.example.com", AppId, _channel.ServiceUrl),
            "serviceurl-mismatch" => LoopbackChannel.MintToken(_key, BotAuthenticator.BotFrameworkIssuer, AppId, "https://attacker.example.com/"),
            "emulator-for-other-app" => LoopbackChannel.MintToken(_key, "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", AppId, null,
                extraClaims: new Dictionary<string, object> { ["appid"] = "another-app", ["ver"] = "1.0" }),
            _ => "not.a.jwt",
        };

        using var response = await TestActivities.PostAsync(_host.MessagesUrl, activity, token);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        _host.Copilot.Requests.ShouldBeEmpty();
        _channel.MessagesFor(conversation, null).ShouldBeEmpty();
        await using var db = _host.CreateDbContext();
        (await db.ChannelActivityReceipts.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Fact]
    public async Task An_emulator_token_for_this_app_is_accepted()
    {
        var conversation = TestActivities.NewConversation();
        var token = LoopbackChannel.MintToken(_key, "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0", AppId, null,
            extraClaims: new Dictionary<string, object> { ["azp"] = AppId, ["ver"] = "2.0" });

        using var response = await TestActivities.PostAsync(_host.MessagesUrl, TestActivities.Message(conversation, "from the emulator", _channel.ServiceUrl, "emulator"), token);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await _channel.WaitForAsync(conversation, 1)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_allowed_bot_can_call_as_a_skill_with_expect_replies()
    {
        var conversation = TestActivities.NewConversation();
        var lead = (await _host.LeadsAsync(skip: 3, take: 1)).Single();
        var activity = TestActivities.Message(conversation, $"how likely is lead {lead.Id} to convert?", _channel.ServiceUrl);
        activity["deliveryMode"] = "expectReplies";
        var token = LoopbackChannel.MintToken(_key, "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", AppId, null,
            extraClaims: new Dictionary<string, object> { ["appid"] = SellerBotAppId, ["ver"] = "1.0" });

        using var response = await TestActivities.PostAsync(_host.MessagesUrl, activity, token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.ShouldContain(lead.Name);
        body.ShouldContain($"**Lead id:** {lead.Id}");
        _host.Copilot.Requests.Single(r => r.ConversationId == conversation).Channel.ShouldBe("webchat");
    }
}
