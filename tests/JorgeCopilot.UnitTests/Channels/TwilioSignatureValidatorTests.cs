using JorgeCopilot.Channels.Sms;
using Shouldly;

namespace JorgeCopilot.UnitTests.Channels;

public sealed class TwilioSignatureValidatorTests
{
    // Twilio's documented example request; the expected signature was computed independently with Python's hmac module.
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static readonly KeyValuePair<string, string>[] Parameters =
    [
        new("Digits", "1234"), new("To", "+18005551212"), new("From", "+12349013030"),
        new("Caller", "+12349013030"), new("CallSid", "CA1234567890ABCDE"),
    ];

    [Fact]
    public void Matches_the_reference_signature() =>
        TwilioSignatureValidator.Compute("12345", Url, Parameters).ShouldBe("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");

    [Fact]
    public void Valid_signature_passes_and_any_change_fails()
    {
        TwilioSignatureValidator.IsValid("12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", Url, Parameters).ShouldBeTrue();
        TwilioSignatureValidator.IsValid("12346", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", Url, Parameters).ShouldBeFalse();
        TwilioSignatureValidator.IsValid("12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", Url + "&x=1", Parameters).ShouldBeFalse();
        TwilioSignatureValidator.IsValid("12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", Url, [.. Parameters, new("Body", "hi")]).ShouldBeFalse();
        TwilioSignatureValidator.IsValid("12345", null, Url, Parameters).ShouldBeFalse();
        TwilioSignatureValidator.IsValid(null, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", Url, Parameters).ShouldBeFalse();
    }
}
