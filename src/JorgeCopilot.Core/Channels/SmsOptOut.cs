namespace JorgeCopilot.Core.Channels;

/// <summary>
/// A phone number that texted STOP (or a carrier synonym). Carriers require that we send nothing more until it
/// texts START; the row is deleted on START, so its presence alone means "opted out".
/// </summary>
public sealed class SmsOptOut
{
    public long Id { get; set; }
    /// <summary>The number in E.164 form ("+12065550100").</summary>
    public required string PhoneNumber { get; set; }
    /// <summary>Where it came from: "twilio-webhook" or a Bot Framework channel id.</summary>
    public required string Channel { get; set; }
    public required string Keyword { get; set; }
    public DateTime OptedOutAt { get; set; }
}
