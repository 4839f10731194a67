using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary>
/// Sends activities through the Connector REST API (<c>POST {serviceUrl}/v3/conversations/{id}/activities/{replyToId}</c>).
/// The HttpClient carries the resilience pipeline (retry with backoff on 429/5xx); the token is attached only
/// for serviceUrls that came in on an authenticated activity.
/// </summary>
public sealed class ConnectorClient(HttpClient http, IBotTokenProvider tokens, TrustedServiceUrls trusted, ServiceUrlPolicy serviceUrls, IOptions<BotOptions> options)
{
    public async Task<ResourceResponse?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.ServiceUrl) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            throw new InvalidOperationException("A reply needs the serviceUrl and conversation id of the activity it answers.");
        }

        // The endpoint checked this before queueing; checked again here because proactive sends do not pass through it.
        if (serviceUrls.Check(activity.ServiceUrl) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        var path = $"v3/conversations/{Uri.EscapeDataString(activity.Conversation.Id)}/activities";
        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            path += "/" + Uri.EscapeDataString(activity.ReplyToId);
        }

        var url = new Uri(new Uri(activity.ServiceUrl.TrimEnd('/') + "/"), path);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(activity, options: BotJson.Options),
        };

        if (options.Value.AuthenticationEnabled)
        {
            if (!trusted.IsTrusted(activity.ServiceUrl))
            {
                throw new InvalidOperationException("Refusing to send the bot's token to a serviceUrl no authenticated activity came from.");
            }

            var token = await tokens.GetTokenAsync(cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength is 0)
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<ResourceResponse>(BotJson.Options, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            // Some channels answer 200 with an empty or non-JSON body; the send still succeeded.
            return null;
        }
    }
}
