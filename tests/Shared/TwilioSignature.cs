using System.Security.Cryptography;
using System.Text;

namespace JorgeCopilot.Tests.Shared;

/// <summary>
/// Twilio's documented request signature, written out independently of the library the host uses:
/// Base64(HMAC-SHA1(authToken, url + each POST parameter name and value, sorted by name)). Tests sign with this, so the
/// host's validator is checked against the documented algorithm rather than against itself.
/// </summary>
public static class TwilioSignature
{
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }
}
