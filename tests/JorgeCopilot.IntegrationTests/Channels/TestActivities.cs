using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace JorgeCopilot.IntegrationTests.Channels;

internal static class TestActivities
{
    public static JsonObject Message(string conversationId, string text, string serviceUrl, string channelId = "webchat", string? id = null) => new()
    {
        ["type"] = "message",
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = channelId,
        ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "Jorge" },
        ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "Jorge Copilot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["text"] = text,
        ["someFutureField"] = new JsonObject { ["nested"] = true },
    };

    public static async Task<HttpResponseMessage> PostAsync(string url, JsonObject activity, string? bearer = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(activity) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return await http.SendAsync(request);
    }

    public static string NewConversation() => "conv-" + Guid.NewGuid().ToString("N")[..12];
}
