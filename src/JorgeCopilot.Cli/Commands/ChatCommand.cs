using System.CommandLine;
using JorgeCopilot.Agent;
using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.Cli.Commands;

/// <summary><c>jorge chat</c>: an interactive loop on one conversation (follow-ups like "the second one" work); "exit" or end of input stops it.</summary>
public static class ChatCommand
{
    public static Command Create(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var conversation = new Option<string?>("--conversation") { Description = "Continue an earlier conversation" };
        var channel = AskCommand.ChannelOption();
        var command = new Command("chat", "Chat with the copilot (type 'exit' to leave)") { conversation, channel };
        command.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            // Dialogue state lives in the store: make sure its tables exist (idempotent, a no-op when current).
            await host.Services.GetRequiredService<StoreInitializer>().InitializeAsync(ct);
            var copilot = host.Services.GetRequiredService<ICopilot>();
            var renderers = host.Services.GetRequiredService<AnswerRenderers>();
            var channelName = pr.GetValue(channel) ?? PlainTextAnswerRenderer.FormatName;
            var conversationId = pr.GetValue(conversation) ?? Guid.NewGuid().ToString("N");
            var interactive = !Console.IsInputRedirected;
            if (interactive)
            {
                Console.WriteLine($"Conversation {conversationId}. Ask anything about your leads or the market; 'exit' leaves.");
            }

            while (!ct.IsCancellationRequested)
            {
                if (interactive)
                {
                    Console.Write("> ");
                }

                var line = await Console.In.ReadLineAsync(ct);
                if (line is null || line.Trim() is "exit" or "quit")
                {
                    break;
                }

                if (line.Trim().Length == 0)
                {
                    continue;
                }

                var reply = await copilot.AskAsync(new CopilotRequest(conversationId, line, channelName), ct);
                Console.WriteLine(renderers.ForChannel(channelName).Render(reply.Answer));
                Console.WriteLine();
            }

            return 0;
        });
        return command;
    }
}
