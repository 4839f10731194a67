using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace JorgeCopilot.IntegrationTests.Crm;

/// <summary>
/// Plays HighLevel: loads a recorded-shape payload, stamps it as sent now with a new webhook id, and signs the exact
/// bytes it posts with its own key pairs, in HighLevel's schemes: Ed25519 in x-ghl-signature (current) or RSA SHA-256
/// PKCS#1 v1.5 in x-wh-signature (legacy), base64. The host is configured with these pairs' public keys, as Jorge
/// configures HighLevel's.
/// </summary>
internal sealed class GoHighLevelSender(bool legacyRsa = false) : IDisposable
{
    /// <summary>The pipeline stage the recorded OpportunityStageUpdate moves to, configured as "under contract".</summary>
    public const string UnderContractStage = "4f7d2c1b-8a9e-4b3d-9c6f-1e2a5b8d7c90";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly Ed25519PrivateKeyParameters _ed25519 = NewEd25519Key();

    public Dictionary<string, string> Settings => new()
    {
        ["Crm:GoHighLevel:PublicKeyPem"] = _rsa.ExportSubjectPublicKeyInfoPem(),
        ["Crm:GoHighLevel:Ed25519PublicKeyPem"] = new string(PemEncoding.Write("PUBLIC KEY",
            SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(_ed25519.GeneratePublicKey()).GetEncoded())),
        ["Crm:GoHighLevel:UnderContractStageIds:0"] = UnderContractStage,
    };

    private string HeaderName => legacyRsa ? "x-wh-signature" : "x-ghl-signature";

    /// <summary>A recorded payload (tests/.../Crm/payloads/&lt;type&gt;.json), sent now under a new webhook id.</summary>
    public static JsonObject Fresh(string type)
    {
        var payload = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Crm", "payloads", type + ".json")))!.AsObject();
        payload["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        payload["webhookId"] = Guid.NewGuid().ToString();
        return payload;
    }

    public string Sign(byte[] body)
    {
        if (legacyRsa)
        {
            return Convert.ToBase64String(_rsa.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }

        var signer = new Ed25519Signer();
        signer.Init(true, _ed25519);
        signer.BlockUpdate(body, 0, body.Length);
        return Convert.ToBase64String(signer.GenerateSignature());
    }

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
            request.Headers.Add(HeaderName, signature ?? Sign(body));
        }

        return await client.SendAsync(request, ct);
    }

    public void Dispose() => _rsa.Dispose();

    private static Ed25519PrivateKeyParameters NewEd25519Key()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        return (Ed25519PrivateKeyParameters)generator.GenerateKeyPair().Private;
    }
}
