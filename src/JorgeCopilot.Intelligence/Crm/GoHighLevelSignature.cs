using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace JorgeCopilot.Intelligence.Crm;

/// <summary>
/// HighLevel signs the raw request body with its private key and publishes the public key. Two schemes: Ed25519 in
/// <c>x-ghl-signature</c> (current; HighLevel's guide deprecated the other on 2026-07-01) and RSA SHA-256 PKCS#1 v1.5 in
/// <c>x-wh-signature</c> (legacy, what Node's <c>crypto.createVerify('sha256')</c> checks); both base64. The body is
/// verified byte for byte before any parsing: re-serialised JSON would not match. A delivery passes when a header is
/// present whose key is configured and the signature in it verifies.
/// </summary>
public sealed class GoHighLevelSignature : IDisposable
{
    public const string Header = "x-ghl-signature";
    public const string LegacyHeader = "x-wh-signature";

    private readonly RSA? _rsa;
    private readonly Ed25519PublicKeyParameters? _ed25519;

    public GoHighLevelSignature(string? ed25519PublicKeyPem, string? rsaPublicKeyPem)
    {
        if (!string.IsNullOrWhiteSpace(ed25519PublicKeyPem))
        {
            _ed25519 = ReadEd25519(ed25519PublicKeyPem);
        }

        if (!string.IsNullOrWhiteSpace(rsaPublicKeyPem))
        {
            _rsa = RSA.Create();
            try
            {
                _rsa.ImportFromPem(rsaPublicKeyPem);
            }
            catch (ArgumentException e)
            {
                _rsa.Dispose();
                throw new InvalidOperationException($"{GoHighLevelOptions.SectionName}:PublicKeyPem is not an RSA public key in PEM form: {e.Message}", e);
            }
        }
    }

    /// <summary>False when no key is configured: then nothing can be verified and every delivery is refused.</summary>
    public bool IsConfigured => _rsa is not null || _ed25519 is not null;

    /// <param name="ed25519Signature">The <c>x-ghl-signature</c> header, if sent.</param>
    /// <param name="rsaSignature">The <c>x-wh-signature</c> header, if sent.</param>
    public bool IsValid(ReadOnlySpan<byte> body, string? ed25519Signature, string? rsaSignature)
    {
        if (_ed25519 is not null && Decode(ed25519Signature) is { Length: 64 } signature)
        {
            var verifier = new Ed25519Signer();
            verifier.Init(false, _ed25519);
            verifier.BlockUpdate(body);
            return verifier.VerifySignature(signature);
        }

        return _rsa is not null && Decode(rsaSignature) is { } rsa
            && _rsa.VerifyData(body, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public void Dispose() => _rsa?.Dispose();

    private static byte[]? Decode(string? signature)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            return null;
        }

        var bytes = new byte[signature.Length];
        return Convert.TryFromBase64String(signature.Trim(), bytes, out var length) ? bytes[..length] : null;
    }

    private static Ed25519PublicKeyParameters ReadEd25519(string pem)
    {
        const string Setting = GoHighLevelOptions.SectionName + ":Ed25519PublicKeyPem";
        try
        {
            var found = PemEncoding.Find(pem);
            var der = Convert.FromBase64String(pem[found.Base64Data]);
            return PublicKeyFactory.CreateKey(der) as Ed25519PublicKeyParameters
                ?? throw new InvalidOperationException($"{Setting} is a public key, but not an Ed25519 one.");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IOException or InvalidCastException)
        {
            throw new InvalidOperationException($"{Setting} is not an Ed25519 public key in PEM form: {e.Message}", e);
        }
    }
}
