namespace JorgeCopilot.Channels.Sms;

public enum SmsKeywordKind
{
    None,
    OptOut,
    OptIn,
    Help,
}

/// <summary>
/// The compliance keywords carriers (CTIA, and Twilio's Advanced Opt-Out list) require us to honour. Matched on the
/// whole message, trimmed and case-insensitive, the way carriers match them, so "stop by at 5" is not an opt-out.
/// </summary>
public static class SmsKeyword
{
    private static readonly string[] OptOutWords = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "OPT-OUT", "OPT OUT", "REVOKE", "STOP ALL"];
    private static readonly string[] OptInWords = ["START", "YES", "UNSTOP", "OPTIN", "OPT-IN", "OPT IN", "SUBSCRIBE"];
    private static readonly string[] HelpWords = ["HELP", "INFO"];

    public static SmsKeywordKind Classify(string? text)
    {
        var word = (text ?? "").Trim().TrimEnd('.', '!').Trim().ToUpperInvariant();
        if (OptOutWords.Contains(word))
        {
            return SmsKeywordKind.OptOut;
        }

        if (OptInWords.Contains(word))
        {
            return SmsKeywordKind.OptIn;
        }

        return HelpWords.Contains(word) ? SmsKeywordKind.Help : SmsKeywordKind.None;
    }
}
