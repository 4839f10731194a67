using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>
/// Twilio's Messages API on loopback, at the HTTP level: <c>POST /2010-04-01/Accounts/{sid}/Messages.json</c> with a
/// form body and Basic auth, answered with a queued message resource as Twilio shapes it. Records what it received.
/// HttpListener, for the same reason as <see cref="LoopbackChannel"/>.
/// </summary>
public sealed class TwilioStub : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;

    public sealed record Received(string Path, string? Authorization, IReadOnlyDictionary<string, string> Form);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public string BaseUrl { get; }

    private TwilioStub(int port)
    {
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener = new HttpListener();
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public static TwilioStub Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new TwilioStub(port);
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

    private async Task LoopAsync()
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

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var parsed = HttpUtility.ParseQueryString(await reader.ReadToEndAsync());
            var form = parsed.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => parsed[k]!);
            var path = context.Request.Url!.AbsolutePath;
            Requests.Enqueue(new Received(path, context.Request.Headers["Authorization"], form));
            var sid = "SM" + Guid.NewGuid().ToString("N");
            var body = new JsonObject
            {
                ["sid"] = sid,
                ["account_sid"] = path.Split('/')[3],
                ["to"] = form.GetValueOrDefault("To"),
                ["from"] = form.GetValueOrDefault("From"),
                ["body"] = form.GetValueOrDefault("Body"),
                ["status"] = "queued",
                ["num_segments"] = "1",
                ["direction"] = "outbound-api",
                ["api_version"] = "2010-04-01",
                ["date_created"] = DateTimeOffset.UtcNow.ToString("r"),
                ["uri"] = $"{path[..^5]}/{sid}.json",
            };
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
