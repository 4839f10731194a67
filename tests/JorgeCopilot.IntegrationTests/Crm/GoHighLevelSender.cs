using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace JorgeCopilot.IntegrationTests.Crm;

/// <summary>
/// Plays HighLevel: loads a recorded-shape payload, stamps it as sent now with a new webhook id, and signs the exact
/// bytes it posts with its own RSA key pair (HighLevel's scheme: SHA-256, PKCS#1 v1.5, base64 in x-wh-signature).
/// The host is configured with this pair's public key, as Jorge configures HighLevel's.
/// </summary>
internal sealed class GoHighLevelSender : IDisposable
{
    /// <summary>The pipeline stage the recorded OpportunityStageUpdate moves to, configured as "under contract".</summary>
    public const string UnderContractStage = "4f7d2c1b-8a9e-4b3d-9c6f-1e2a5b8d7c90";

    private readonly RSA _key = RSA.Create(2048);

    public Dictionary<string, string> Settings => new()
    {
        ["Crm:GoHighLevel:PublicKeyPem"] = _key.ExportSubjectPublicKeyInfoPem(),
        ["Crm:GoHighLevel:UnderContractStageIds:0"] = UnderContractStage,
    };

    /// <summary>A recorded payload (tests/.../Crm/payloads/&lt;type&gt;.json), sent now under a new webhook id.</summary>
    public static JsonObject Fresh(string type)
    {
        var payload = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Crm", "payloads", type + ".json")))!.AsObject();
        payload["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        payload["webhookId"] = Guid.NewGuid().ToString();
        return payload;
    }

    public string Sign(byte[] body) => Convert.ToBase64String(_key.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject payload, CancellationToken ct) =>
        PostRawAsync(client, Encoding.UTF8.GetBytes(payload.ToJsonString()), sign: true, ct);

    /// <param name="sign">False posts the body with no signature header.</param>
    public async Task<HttpResponseMessage> PostRawAsync(HttpClient client, byte[] body, bool sign, CancellationToken ct, string? signature = null)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/gohighlevel") { Content = content };
        if (sign)
        {
            request.Headers.Add("x-wh-signature", signature ?? Sign(body));
        }

        return await client.SendAsync(request, ct);
    }

    public void Dispose() => _key.Dispose();
}
