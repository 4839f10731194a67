using JorgeCopilot.Channels.BotFramework;
using JorgeCopilot.Channels.Sms;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Shouldly;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>Dedupe receipts and SMS opt-outs on both real stores, including replicas racing for the same activity.</summary>
public sealed class ChannelStoreTests
{
    public static TheoryData<StoreProvider> Providers => TestStores.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Replicas_racing_for_one_activity_process_it_exactly_once(StoreProvider provider)
    {
        var factory = await TestStores.CreateMigratedAsync(provider);
        // Eight "replicas", each with its own store client, all receiving the same redelivered activity at once.
        var replicas = Enumerable.Range(0, 8).Select(_ => new ActivityReceiptStore(new JorgeDbContextFactory(factory.Connection), TimeProvider.System)).ToList();

        var results = await Task.WhenAll(replicas.Select(r => r.TryRecordAsync("msteams", "conv-1", "activity-1", TestContext.Current.CancellationToken)));

        results.Count(r => r).ShouldBe(1);
        (await replicas[0].TryRecordAsync("msteams", "conv-1", "activity-2", TestContext.Current.CancellationToken)).ShouldBeTrue();
        (await replicas[0].TryRecordAsync("webchat", "conv-1", "activity-1", TestContext.Current.CancellationToken)).ShouldBeTrue();
        (await replicas[0].TryRecordAsync("msteams", "conv-1", null, TestContext.Current.CancellationToken)).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Opt_outs_are_stored_per_number_and_removed_on_start(StoreProvider provider)
    {
        var factory = await TestStores.CreateMigratedAsync(provider);
        var store = new SmsOptOutStore(factory, TimeProvider.System);
        var ct = TestContext.Current.CancellationToken;

        await Task.WhenAll(store.OptOutAsync("+1 (206) 555-0100", "sms", "STOP", ct), store.OptOutAsync("+12065550100", "sms", "QUIT", ct));

        (await store.IsOptedOutAsync("+12065550100", ct)).ShouldBeTrue();
        (await store.IsOptedOutAsync("+12065550199", ct)).ShouldBeFalse();
        await using (var db = factory.CreateDbContext())
        {
            db.SmsOptOuts.Count().ShouldBe(1);
        }

        await store.OptInAsync("+1 206 555 0100", ct);
        (await store.IsOptedOutAsync("+12065550100", ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Two_hosts_sharing_postgres_answer_a_redelivered_activity_once()
    {
        var connection = await PostgresServer.CreateDatabaseAsync();
        await using var channel = await LoopbackChannel.StartAsync();
        await using var first = await ChannelsHost.StartAsync(null, null, connection);
        await using var second = await ChannelsHost.StartAsync(null, null, connection);
        var conversation = TestActivities.NewConversation();
        var activity = TestActivities.Message(conversation, "one answer please", channel.ServiceUrl);

        var responses = await Task.WhenAll(
            TestActivities.PostAsync(first.MessagesUrl, activity),
            TestActivities.PostAsync(second.MessagesUrl, activity));

        responses.Select(r => (int)r.StatusCode).Order().ShouldBe([200, 202]);
        await channel.WaitForAsync(conversation, 1);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        // The store is empty (no leads, no model): the real copilot answers with what it can do.
        channel.MessagesFor(conversation).ShouldHaveSingleItem()["text"]!.GetValue<string>().ShouldContain("Rank your hottest leads");
        (first.Copilot.Requests.Count + second.Copilot.Requests.Count).ShouldBe(1);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
