using System.Collections.Specialized;
using Twilio.Security;

namespace JorgeCopilot.Channels.Sms;

/// <summary>
/// Checks <c>X-Twilio-Signature</c> with Twilio's own <see cref="RequestValidator"/> (it knows the signature's quirks:
/// sorted parameters, URLs with and without the default port, constant-time comparison).
/// </summary>
public static class TwilioSignatureValidator
{
    public static bool IsValid(string? authToken, string? signature, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrWhiteSpace(signature))
        {
            return false;
        }

        var form = new NameValueCollection();
        foreach (var (key, value) in parameters)
        {
            form.Add(key, value);
        }

        return new RequestValidator(authToken).Validate(url, form, signature.Trim());
    }
}
