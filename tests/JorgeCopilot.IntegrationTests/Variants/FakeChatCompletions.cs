using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace JorgeCopilot.IntegrationTests.Variants;

/// <summary>
/// An OpenAI-compatible server at the HTTP wire (no LLM can run here): it sees each real chat-completions request and
/// answers with what <see cref="Answer"/> returns as the message content (or a status code / a delay), in the shape
/// OpenAI's API uses.
/// </summary>
internal sealed class FakeChatCompletions : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, JsonObject Body)> Requests { get; } = [];

    /// <summary>The assistant message content for a request body.</summary>
    public Func<JsonObject, string> Answer { get; set; } = _ => """{"variants":[]}""";

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
        Requests.Add((request, body));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (Status != HttpStatusCode.OK)
        {
            return new HttpResponseMessage(Status) { Content = new StringContent("""{"error":{"message":"overloaded"}}""", Encoding.UTF8, "application/json") };
        }

        var response = new JsonObject
        {
            ["id"] = "chatcmpl-1",
            ["object"] = "chat.completion",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Answer(body) },
                ["finish_reason"] = "stop",
            }),
        };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(response.ToJsonString(), Encoding.UTF8, "application/json") };
    }

    /// <summary>Well-formed drafts for the strategies the request asked for (its schema's enum, in order).</summary>
    public static string DraftsFor(JsonObject body, Func<string, string> text)
    {
        var data = JsonNode.Parse(body["messages"]![1]!["content"]!.GetValue<string>())!;
        var variants = new JsonArray([.. data["strategies"]!.AsArray().Select(s => (JsonNode)new JsonObject
        {
            ["strategy"] = s!.GetValue<string>(),
            ["tone"] = "plain",
            ["text"] = text(s.GetValue<string>()),
        })]);
        return new JsonObject { ["variants"] = variants }.ToJsonString();
    }
}
