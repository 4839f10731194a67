using System.Security.Cryptography;

namespace JorgeCopilot.Intelligence.Crm;

/// <summary>
/// HighLevel signs the raw request body with its private RSA key (SHA-256, PKCS#1 v1.5, what Node's
/// <c>crypto.createVerify('sha256')</c> checks) and sends the base64 signature in <c>x-wh-signature</c>. The body is
/// verified byte for byte, before any parsing: re-serialised JSON would not match.
/// </summary>
public sealed class GoHighLevelSignature : IDisposable
{
    public const string Header = "x-wh-signature";

    private readonly RSA? _key;

    public GoHighLevelSignature(string? publicKeyPem)
    {
        if (string.IsNullOrWhiteSpace(publicKeyPem))
        {
            return;
        }

        _key = RSA.Create();
        try
        {
            _key.ImportFromPem(publicKeyPem);
        }
        catch (ArgumentException e)
        {
            _key.Dispose();
            throw new InvalidOperationException($"{GoHighLevelOptions.SectionName}:PublicKeyPem is not an RSA public key in PEM form: {e.Message}", e);
        }
    }

    /// <summary>False when no key is configured: then nothing can be verified and every delivery is refused.</summary>
    public bool IsConfigured => _key is not null;

    public bool IsValid(ReadOnlySpan<byte> body, string? signature)
    {
        if (_key is null || string.IsNullOrWhiteSpace(signature))
        {
            return false;
        }

        var bytes = new byte[signature.Length];
        return Convert.TryFromBase64String(signature.Trim(), bytes, out var length)
            && _key.VerifyData(body, bytes.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public void Dispose() => _key?.Dispose();
}
