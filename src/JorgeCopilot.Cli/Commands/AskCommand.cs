using System.CommandLine;
using System.Text.Json;
using JorgeCopilot.Agent;
using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Cli.Commands;

/// <summary><c>jorge ask "&lt;question&gt;" [--conversation id] [--channel web|msteams|sms] [--json]</c>.</summary>
public static class AskCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // People read this output; apostrophes and accents need no escaping outside HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var question = new Argument<string>("question") { Description = "The question, in plain words (quote it)" };
        var conversation = new Option<string?>("--conversation") { Description = "Conversation id, to follow up on an earlier answer" };
        var channel = ChannelOption();
        var json = new Option<bool>("--json") { Description = "Print {answer, toolCalls, conversationId} as JSON" };
        var command = new Command("ask", "Ask the copilot one question") { question, conversation, channel, json };
        command.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            // Dialogue state lives in the store: make sure its tables exist (idempotent, a no-op when current).
            await host.Services.GetRequiredService<StoreInitializer>().InitializeAsync(ct);
            var copilot = host.Services.GetRequiredService<ICopilot>();
            var renderers = host.Services.GetRequiredService<AnswerRenderers>();
            var channelName = pr.GetValue(channel) ?? "web";
            var reply = await copilot.AskAsync(new CopilotRequest(pr.GetValue(conversation) ?? "", pr.GetValue(question) ?? "", channelName), ct);
            var rendered = renderers.ForChannel(channelName).Render(reply.Answer);
            Console.WriteLine(pr.GetValue(json) ? ToJson(reply, rendered) : rendered);
            return 0;
        });
        return command;
    }

    internal static Option<string> ChannelOption()
    {
        var channel = new Option<string>("--channel") { Description = "Render for web (Markdown), msteams or sms", DefaultValueFactory = _ => "web" };
        channel.AcceptOnlyFromAmong("web", "msteams", "sms");
        return channel;
    }

    public static string ToJson(CopilotReply reply, string rendered) => JsonSerializer.Serialize(new
    {
        answer = rendered,
        toolCalls = reply.ToolCalls.Select(c => new { plugin = c.Plugin, function = c.Function, arguments = c.Arguments }),
        conversationId = reply.ConversationId,
    }, JsonOptions);
}
