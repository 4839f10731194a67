using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace JorgeCopilot.Channels.Sms;

/// <summary>
/// Outbound texts (alerts to Jorge) through Twilio's REST client, when <c>Sms:AccountSid</c>, <c>Sms:AuthToken</c> and
/// <c>Sms:FromNumber</c> are set. The client runs on an <see cref="System.Net.Http.HttpClient"/> from the factory, so
/// <c>Sms:ApiBaseUrl</c> can point it at a Twilio-compatible stub.
/// </summary>
public sealed class TwilioSmsSender(IHttpClientFactory httpClients, IOptions<SmsOptions> options, ILogger<TwilioSmsSender> logger)
{
    public const string HttpClientName = "twilio";

    /// <returns>The message SID, or null when sending is not configured or the recipient opted out of nothing we track.</returns>
    public async Task<string?> SendAsync(string to, string body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        var o = options.Value;
        if (!o.CanSend)
        {
            logger.LogInformation("Outbound SMS not sent: Sms:AccountSid, Sms:AuthToken and Sms:FromNumber are not all set");
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var client = new TwilioRestClient(o.AccountSid, o.AuthToken, o.AccountSid, httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)));
        var message = await MessageResource.CreateAsync(new CreateMessageOptions(new PhoneNumber(to)) { From = new PhoneNumber(o.FromNumber), Body = body }, client);
        logger.LogInformation("Outbound SMS {MessageSid} queued by Twilio", message.Sid);
        return message.Sid;
    }

    /// <summary>Sends <paramref name="body"/> to each of Jorge's numbers (<c>Sms:AllowedSenders</c>).</summary>
    public async Task<IReadOnlyList<string>> AlertOwnerAsync(string body, CancellationToken cancellationToken)
    {
        var sids = new List<string>();
        foreach (var number in options.Value.AllowedSenders)
        {
            if (await SendAsync(number, body, cancellationToken) is { } sid)
            {
                sids.Add(sid);
            }
        }

        return sids;
    }
}

/// <summary>Sends Twilio's requests to <see cref="SmsOptions.ApiBaseUrl"/> when set (path and query kept).</summary>
internal sealed class TwilioBaseUrlHandler(IOptions<SmsOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.Value.ApiBaseUrl is { } target && request.RequestUri is { } uri)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
