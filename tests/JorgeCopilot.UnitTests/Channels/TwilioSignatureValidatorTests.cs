using JorgeCopilot.Channels.Sms;
using JorgeCopilot.Tests.Shared;
using Shouldly;

namespace JorgeCopilot.UnitTests.Channels;

public sealed class TwilioSignatureValidatorTests
{
    // Twilio's documented example request; the expected signature was computed independently with Python's hmac module.
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string Reference = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";
    private static readonly KeyValuePair<string, string>[] Parameters =
    [
        new("Digits", "1234"), new("To", "+18005551212"), new("From", "+12349013030"),
        new("Caller", "+12349013030"), new("CallSid", "CA1234567890ABCDE"),
    ];

    [Fact]
    public void The_test_signer_matches_the_reference_signature() =>
        TwilioSignature.Compute("12345", Url, Parameters).ShouldBe(Reference);

    [Fact]
    public void Twilios_validator_accepts_the_reference_signature() =>
        TwilioSignatureValidator.IsValid("12345", Reference, Url, Parameters).ShouldBeTrue();

    [Fact]
    public void Another_auth_token_fails() =>
        TwilioSignatureValidator.IsValid("12346", Reference, Url, Parameters).ShouldBeFalse();

    [Fact]
    public void A_changed_url_fails() =>
        TwilioSignatureValidator.IsValid("12345", Reference, Url + "&x=1", Parameters).ShouldBeFalse();

    [Fact]
    public void An_added_parameter_fails() =>
        TwilioSignatureValidator.IsValid("12345", Reference, Url, [.. Parameters, new("Body", "hi")]).ShouldBeFalse();

    [Theory]
    [InlineData(null, Reference)]
    [InlineData("12345", null)]
    [InlineData("12345", "")]
    public void A_missing_token_or_signature_fails(string? token, string? signature) =>
        TwilioSignatureValidator.IsValid(token, signature, Url, Parameters).ShouldBeFalse();
}
