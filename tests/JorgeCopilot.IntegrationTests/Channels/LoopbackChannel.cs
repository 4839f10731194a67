using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>
/// A real HTTP server on loopback playing the Bot Framework side: it receives the bot's replies on
/// <c>/v3/conversations/{id}/activities[/{replyToId}]</c>, can fail the first calls with a status (retry tests), and
/// serves OpenID metadata and a JWKS with keys the tests mint, so token validation runs end to end.
/// It uses HttpListener, not a WebApplication: WebApplicationFactory intercepts any host built in the process while it
/// starts, and tests run in parallel.
/// </summary>
public sealed partial class LoopbackChannel : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly ConcurrentDictionary<string, RsaSecurityKey> _publishedKeys = new();
    private int _failuresLeft;
    private int _failureStatus = 503;

    public sealed record Received(JsonObject Activity, string Path, string? Authorization);

    public ConcurrentQueue<Received> Activities { get; } = new();

    public int Attempts;

    public int MetadataFetches;

    public string BaseUrl { get; private set; } = "";

    public string ServiceUrl => BaseUrl + "/";

    public string MetadataUrl => BaseUrl + "/.well-known/openidconfiguration";

    private LoopbackChannel(int port)
    {
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener = new HttpListener();
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public static Task<LoopbackChannel> StartAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return Task.FromResult(new LoopbackChannel(port));
    }

    public void FailNext(int count, int status)
    {
        _failureStatus = status;
        Volatile.Write(ref _failuresLeft, count);
    }

    public RsaSecurityKey PublishNewKey(string keyId)
    {
        var key = NewKey(keyId);
        _publishedKeys[keyId] = key;
        return key;
    }

    public static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    public static string MintToken(RsaSecurityKey key, string issuer, string audience, string? serviceUrl, DateTime? expires = null, IDictionary<string, object>? extraClaims = null)
    {
        var claims = new Dictionary<string, object>(extraClaims ?? new Dictionary<string, object>());
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var exp = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = exp.AddHours(-1),
            NotBefore = exp.AddHours(-1),
            Expires = exp,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public IReadOnlyList<JsonObject> MessagesFor(string conversationId, string? type = "message") =>
        [.. Activities.Select(a => a.Activity)
            .Where(a => a["conversation"]?["id"]?.GetValue<string>() == conversationId)
            .Where(a => type is null || a["type"]?.GetValue<string>() == type)];

    public async Task<IReadOnlyList<JsonObject>> WaitForAsync(string conversationId, int count, string type = "message", int timeoutMs = 15000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            var found = MessagesFor(conversationId, type);
            if (found.Count >= count)
            {
                return found;
            }

            await Task.Delay(25);
        }

        return MessagesFor(conversationId, type);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var response = context.Response;
        try
        {
            if (context.Request.HttpMethod == "POST" && ActivitiesPath().IsMatch(path))
            {
                Interlocked.Increment(ref Attempts);
                if (Interlocked.Decrement(ref _failuresLeft) >= 0)
                {
                    response.StatusCode = _failureStatus;
                    return;
                }

                var activity = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.InputStream);
                Activities.Enqueue(new Received(activity!, path, context.Request.Headers["Authorization"]));
                await WriteJsonAsync(response, new JsonObject { ["id"] = Guid.NewGuid().ToString("N") });
            }
            else if (path == "/.well-known/openidconfiguration")
            {
                Interlocked.Increment(ref MetadataFetches);
                await WriteJsonAsync(response, new JsonObject
                {
                    ["issuer"] = "https://api.botframework.com",
                    ["authorization_endpoint"] = "https://invalid.botframework.com",
                    ["jwks_uri"] = BaseUrl + "/keys",
                    ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                    ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
                });
            }
            else if (path == "/keys")
            {
                var keys = new JsonArray();
                foreach (var k in _publishedKeys.Values)
                {
                    var p = k.Rsa.ExportParameters(false);
                    keys.Add(new JsonObject
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["kid"] = k.KeyId,
                        ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                        ["endorsements"] = new JsonArray("msteams", "webchat", "emulator", "sms"),
                    });
                }

                await WriteJsonAsync(response, new JsonObject { ["keys"] = keys });
            }
            else
            {
                response.StatusCode = 404;
            }
        }
        finally
        {
            response.Close();
        }
    }

    private static async Task WriteJsonAsync(HttpListenerResponse response, JsonObject body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }

    [GeneratedRegex("^/v3/conversations/[^/]+/activities(/[^/]+)?$")]
    private static partial Regex ActivitiesPath();
}
