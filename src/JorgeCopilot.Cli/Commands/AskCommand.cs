using System.CommandLine;
using System.Text.Json;
using JorgeCopilot.Agent;
using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Cli.Commands;

/// <summary><c>jorge ask "&lt;question&gt;" [--conversation id] [--channel text|web|msteams|sms] [--chart file.png] [--json]</c>.</summary>
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
        var chart = ChartOption();
        var command = new Command("ask", "Ask the copilot one question") { question, conversation, channel, chart, json };
        command.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            // Dialogue state lives in the store: make sure its tables exist (idempotent, a no-op when current).
            await host.Services.GetRequiredService<StoreInitializer>().InitializeAsync(ct);
            var copilot = host.Services.GetRequiredService<ICopilot>();
            var renderers = host.Services.GetRequiredService<AnswerRenderers>();
            var channelName = pr.GetValue(channel) ?? PlainTextAnswerRenderer.FormatName;
            var reply = await copilot.AskAsync(new CopilotRequest(pr.GetValue(conversation) ?? "", pr.GetValue(question) ?? "", channelName), ct);
            var rendered = renderers.ForChannel(channelName).Render(reply.Answer);
            Console.WriteLine(pr.GetValue(json) ? ToJson(reply, rendered) : rendered);
            await SaveChartAsync(reply.Answer, pr.GetValue(chart), ct);
            return 0;
        });
        return command;
    }

    internal static Option<string> ChannelOption()
    {
        var channel = new Option<string>("--channel")
        {
            Description = "Render as plain text (the terminal), web (Markdown), msteams (the Adaptive Card JSON) or sms",
            DefaultValueFactory = _ => PlainTextAnswerRenderer.FormatName,
        };
        channel.AcceptOnlyFromAmong(PlainTextAnswerRenderer.FormatName, "web", "msteams", "sms");
        return channel;
    }

    internal static Option<string?> ChartOption() => new("--chart") { Description = "Save the answer's chart, when it has one, as a PNG at this path" };

    internal static async Task SaveChartAsync(StructuredAnswer answer, string? path, CancellationToken cancellationToken)
    {
        if (path is null || answer.Chart is null)
        {
            return;
        }

        await File.WriteAllBytesAsync(path, ChartImage.Png(answer.Chart), cancellationToken);
        await Console.Error.WriteLineAsync($"chart saved to {path}");
    }

    public static string ToJson(CopilotReply reply, string rendered) => JsonSerializer.Serialize(new
    {
        answer = rendered,
        toolCalls = reply.ToolCalls.Select(c => new { plugin = c.Plugin, function = c.Function, arguments = c.Arguments }),
        conversationId = reply.ConversationId,
    }, JsonOptions);
}
