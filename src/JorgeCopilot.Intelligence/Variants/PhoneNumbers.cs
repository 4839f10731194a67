namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// The forms under which an opt-out for this number may have been stored: the SMS channel keeps "+digits" when the
/// sender had a plus and bare digits otherwise, and a CRM often holds ten North American digits without the 1.
/// </summary>
public static class PhoneNumbers
{
    public static IReadOnlyList<string> OptOutForms(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 7)
        {
            return [];
        }

        var forms = new List<string> { digits, "+" + digits };
        if (digits.Length == 10)
        {
            forms.Add("1" + digits);
            forms.Add("+1" + digits);
        }
        else if (digits.Length == 11 && digits[0] == '1')
        {
            forms.Add(digits[1..]);
            forms.Add("+" + digits[1..]);
        }

        return forms;
    }
}
