using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>
/// A real HTTP server on loopback playing the Bot Framework side: it receives the bot's replies on
/// <c>/v3/conversations/{id}/activities[/{replyToId}]</c>, can fail the first calls with a status (retry tests), and
/// serves OpenID metadata and a JWKS with keys the tests mint, so token validation runs end to end.
/// </summary>
public sealed class LoopbackChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
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

    private LoopbackChannel(WebApplication app)
    {
        _app = app;
    }

    public static async Task<LoopbackChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var channel = new LoopbackChannel(app);
        channel.Map();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        channel.BaseUrl = address.TrimEnd('/');
        return channel;
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
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map()
    {
        _app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (Delegate)ReceiveAsync);
        _app.MapPost("/v3/conversations/{conversationId}/activities", (Delegate)ReceiveAsync);
        _app.MapGet("/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref MetadataFetches);
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = "https://api.botframework.com",
                ["authorization_endpoint"] = "https://invalid.botframework.com",
                ["jwks_uri"] = BaseUrl + "/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
            });
        });
        _app.MapGet("/keys", () =>
        {
            var keys = _publishedKeys.Values.Select(k =>
            {
                var p = k.Rsa.ExportParameters(false);
                return new Dictionary<string, object>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["kid"] = k.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                    ["endorsements"] = new[] { "msteams", "webchat", "emulator", "sms" },
                };
            });
            return Results.Json(new { keys });
        });
    }

    private async Task<IResult> ReceiveAsync(HttpContext http)
    {
        Interlocked.Increment(ref Attempts);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            return Results.StatusCode(_failureStatus);
        }

        var activity = await JsonSerializer.DeserializeAsync<JsonObject>(http.Request.Body);
        Activities.Enqueue(new Received(activity!, http.Request.Path, http.Request.Headers.Authorization));
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }
}
