using System.Net;
using System.Text.Json.Nodes;
using JorgeCopilot.IntegrationTests.Channels;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.IntegrationTests.Variants;

/// <summary>
/// A bot asking for variants over the Activity protocol with <c>deliveryMode: expectReplies</c>, as raw HTTP against the
/// real host and copilot (the JS SDK case is in the channels harness): the variants arrive in the response body with
/// the arm ids and propensities the bot needs, and the served log holds exactly what was returned.
/// </summary>
public sealed class VariantsOverActivityTests(AnonymousHostFixture fixture) : IClassFixture<AnonymousHostFixture>
{
    [Fact]
    public async Task A_bot_asking_for_3_variants_with_expect_replies_gets_them_in_the_body_with_arm_ids_and_propensities()
    {
        var conversation = TestActivities.NewConversation();
        var lead = fixture.Leads[5];
        var activity = TestActivities.Message(conversation, $"3 variants for lead {lead.Id}", fixture.Channel.ServiceUrl);
        activity["deliveryMode"] = "expectReplies";

        using var response = await TestActivities.PostAsync(fixture.Host.MessagesUrl, activity);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var reply = body["activities"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "message" && a["value"] is not null)!;
        reply["replyToId"]!.GetValue<string>().ShouldBe(activity["id"]!.GetValue<string>());
        var variants = (reply["value"]?["variants"] ?? throw new ShouldAssertException(reply.ToJsonString())).AsArray();
        variants.Count.ShouldBe(3);
        await using var db = fixture.Host.CreateDbContext();
        foreach (var v in variants)
        {
            var servedId = Guid.Parse(v!["servedId"]!.GetValue<string>());
            var served = await db.ServedVariants.AsNoTracking().SingleAsync(s => s.ServedId == servedId, TestContext.Current.CancellationToken);
            v["armId"]!.GetValue<long>().ShouldBe(served.ArmId);
            v["propensity"]!.GetValue<double>().ShouldBe(served.Propensity, 1e-12);
            served.LeadId.ShouldBe(lead.Id);
            v["text"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        }

        reply["text"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        fixture.Channel.MessagesFor(conversation, null).ShouldBeEmpty();
    }
}
