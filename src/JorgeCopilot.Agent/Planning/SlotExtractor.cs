using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace JorgeCopilot.Agent.Planning;

/// <summary>
/// Pulls typed values out of terse, typo-ridden text: lead ids, ordinals ("the 2nd one"), zip codes, parcel ids,
/// street addresses, beds/baths/sqft/year, money ("$60k", "250k", "1.2m") and horizons ("next quarter", "by June").
/// Each recognised value is replaced by a class token (<c>xzip</c>, <c>xmoney</c>, ...) so the intent model learns
/// the shape of a request, not particular numbers.
/// </summary>
public sealed partial class SlotExtractor(TimeProvider clock)
{
    private static readonly Dictionary<string, string> Shorthand = new(StringComparer.Ordinal)
    {
        ["u"] = "you", ["ur"] = "your", ["r"] = "are", ["pls"] = "please", ["plz"] = "please", ["thx"] = "thanks",
        ["wat"] = "what", ["wut"] = "what", ["whats"] = "what is", ["wats"] = "what is", ["hw"] = "how", ["abt"] = "about",
        ["w/"] = "with", ["w"] = "with", ["b4"] = "before", ["2day"] = "today", ["2morrow"] = "tomorrow", ["bc"] = "because",
        ["y"] = "why", ["shd"] = "should", ["cd"] = "could", ["wld"] = "would", ["gimme"] = "give me", ["lemme"] = "let me",
        ["im"] = "i am", ["ppl"] = "people", ["nxt"] = "next", ["mo"] = "month", ["mos"] = "months", ["yr"] = "year", ["yrs"] = "years",
        ["qtr"] = "quarter", ["q"] = "quarter", ["prop"] = "property", ["props"] = "properties", ["hse"] = "house", ["hm"] = "home",
        ["hmes"] = "homes", ["ldz"] = "leads", ["lds"] = "leads", ["ld"] = "lead", ["mkt"] = "market", ["est"] = "estimate",
        ["val"] = "value", ["rn"] = "right now", ["tho"] = "though", ["cuz"] = "because", ["info"] = "information",
    };

    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public ExtractedSlots Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = " " + text.Replace('\u2019', '\'').Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ') + " ";

        long? leadId = null;
        int? ordinal = null, limit = null, yearBuilt = null, horizon = null;
        string? zip = null, parcel = null, address = null;
        double? beds = null, baths = null, sqft = null;
        decimal? money = null;
        DateOnly? target = null;

        s = Take(s, Parcel(), " xparcel ", m => parcel = m.Groups[1].Value);
        s = Take(s, Address(), " xaddress ", m => address = CleanAddress(m.Value));
        s = Take(s, BedsBathsSlash(), " xbeds xbaths ", m =>
        {
            beds = Num(m.Groups[1].Value);
            baths = Num(m.Groups[2].Value);
        });
        s = Take(s, Beds(), " xbeds ", m => beds = Num(m.Groups[1].Value));
        s = Take(s, Baths(), " xbaths ", m => baths = Num(m.Groups[1].Value));
        s = Take(s, Sqft(), " xsqft ", m => sqft = Num(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal)) * (m.Groups[2].Success ? 1000 : 1));
        s = Take(s, YearBuiltPattern(), " xyear ", m => yearBuilt = int.Parse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, CultureInfo.InvariantCulture));
        s = Take(s, LeadIdPattern(), " xleadid ", m => leadId = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        s = Take(s, ByDate(), " xhorizon ", m => target = ParseByDate(m));
        s = Take(s, MoneyPattern(), " xmoney ", m => money = ParseMoney(m));
        s = Take(s, Zip(), " xzip ", m => zip = m.Groups[1].Value);
        s = Take(s, HorizonPattern(), " xhorizon ", m => horizon = ParseHorizon(m, ref target));
        s = Take(s, ByMonth(), " xhorizon ", m => horizon = MonthsUntil(m.Groups[1].Value, ref target));
        s = Take(s, LimitPattern(), m => m.Value.Replace(m.Groups["n"].Value, " xnum ", StringComparison.Ordinal), m => limit = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture));
        s = Take(s, OrdinalPattern(), " xordinal ", m => ordinal = ParseOrdinal(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value));
        var previous = PronounPattern().IsMatch(s);
        s = OtherNumber().Replace(s, " xnum ");

        var words = Tokenize(s);
        var normalized = new StringBuilder();
        foreach (var w in words)
        {
            normalized.Append(Shorthand.TryGetValue(w, out var expanded) ? expanded : w).Append(' ');
        }

        var free = words.Where(w => !w.StartsWith('x') || !IsToken(w)).ToList();
        return new ExtractedSlots
        {
            LeadId = leadId, Ordinal = ordinal, RefersToPrevious = previous, Zip = zip, ParcelId = parcel, Address = address,
            Bedrooms = beds, Bathrooms = baths, Sqft = sqft, YearBuilt = yearBuilt, Money = money, Limit = limit,
            HorizonMonths = horizon, TargetDate = target,
            Normalized = normalized.ToString().Trim(),
            FreeWords = free,
        };
    }

    /// <summary>Lower-cases and splits a training utterance the same way a live message is split.</summary>
    public static IReadOnlyList<string> Tokenize(string text) =>
        WordSplit().Split(text.ToLowerInvariant()).Where(w => w.Length > 0).ToList();

    private static bool IsToken(string w) => w is "xparcel" or "xaddress" or "xbeds" or "xbaths" or "xsqft" or "xyear" or "xleadid"
        or "xmoney" or "xzip" or "xhorizon" or "xnum" or "xordinal" or "xname" or "xregion";

    private static string Take(string s, Regex regex, string replacement, Action<Match> found) =>
        Take(s, regex, _ => replacement, found);

    private static string Take(string s, Regex regex, Func<Match, string> replacement, Action<Match> found)
    {
        var first = true;
        return regex.Replace(s, m =>
        {
            // The first mention wins ("3 beds ... 2 baths ... 3 beds" keeps the first); later ones still become tokens.
            if (first)
            {
                found(m);
                first = false;
            }

            return replacement(m);
        });
    }

    private static double Num(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string CleanAddress(string value) => string.Join(' ', value.Trim().TrimEnd('.', ',', '?').Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(w => w.Length <= 2 && w.All(char.IsLetter) && w.ToUpperInvariant() is "NE" or "NW" or "SE" or "SW" or "N" or "S" or "E" or "W"
            ? w.ToUpperInvariant()
            : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w.ToLowerInvariant())));

    private static decimal ParseMoney(Match m)
    {
        var number = decimal.Parse(m.Groups["v"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var unit = m.Groups["u"].Value.ToLowerInvariant();
        return unit switch
        {
            "k" or "thousand" or "grand" => number * 1_000m,
            "m" or "mm" or "mil" or "million" or "mill" => number * 1_000_000m,
            _ => number,
        };
    }

    private int? ParseHorizon(Match m, ref DateOnly? target)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        var amount = m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : 1;
        if (m.Groups["word"].Success)
        {
            amount = m.Groups["word"].Value.ToLowerInvariant() switch
            {
                "a" or "one" => 1, "two" => 2, "three" => 3, "six" => 6, "twelve" => 12, "couple" => 2, "few" => 3, _ => 1,
            };
        }

        var months = unit switch
        {
            var u when u.StartsWith("quarter", StringComparison.Ordinal) => 3 * amount,
            var u when u.StartsWith("year", StringComparison.Ordinal) || u == "yr" || u == "yrs" => 12 * amount,
            var u when u.StartsWith("week", StringComparison.Ordinal) || u == "wk" || u == "wks" => Math.Max(1, (int)Math.Ceiling(amount / 4.345)),
            var u when u.StartsWith("day", StringComparison.Ordinal) => Math.Max(1, (int)Math.Ceiling(amount / 30.44)),
            _ => amount,
        };
        target = today.AddMonths(months);
        return months;
    }

    /// <summary>"by December 2015" or "by 2015-09" → the last day of that month; "by 2015-09-15" → that day.</summary>
    private static DateOnly? ParseByDate(Match m)
    {
        if (m.Groups["month"].Success)
        {
            var month = Array.FindIndex(Months, x => x.StartsWith(m.Groups["month"].Value.ToLowerInvariant()[..3], StringComparison.Ordinal)) + 1;
            var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            return month <= 0 ? null : new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        }

        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (mo is < 1 or > 12)
        {
            return null;
        }

        var first = new DateOnly(y, mo, 1);
        return m.Groups["d"].Success && int.TryParse(m.Groups["d"].Value, CultureInfo.InvariantCulture, out var d) && d >= 1 && d <= DateTime.DaysInMonth(y, mo)
            ? new DateOnly(y, mo, d)
            : first.AddMonths(1).AddDays(-1);
    }

    private int? MonthsUntil(string monthName, ref DateOnly? target)
    {
        var month = Array.FindIndex(Months, x => x.StartsWith(monthName.ToLowerInvariant()[..3], StringComparison.Ordinal)) + 1;
        if (month <= 0)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var months = ((month - today.Month) + 12) % 12;
        if (months == 0)
        {
            months = 12;
        }

        target = new DateOnly(today.AddMonths(months).Year, month, 1);
        return months;
    }

    private static int ParseOrdinal(string word) => word.ToLowerInvariant() switch
    {
        "first" or "1st" or "top" => 0,
        "second" or "2nd" => 1,
        "third" or "3rd" => 2,
        "fourth" or "4th" => 3,
        "fifth" or "5th" => 4,
        "sixth" or "6th" => 5,
        "seventh" or "7th" => 6,
        "eighth" or "8th" => 7,
        "ninth" or "9th" => 8,
        "tenth" or "10th" => 9,
        "last" or "bottom" => -1,
        var n when int.TryParse(n, out var k) => k - 1,
        _ => 0,
    };

    [GeneratedRegex(@"[^a-z0-9$#%'/.]+|(?<=[a-z])\.|\.(?=\s|$)|'s\b|'")]
    private static partial Regex WordSplit();

    [GeneratedRegex(@"(?<![\d$,.])\b(\d{10})\b(?![\d,])")]
    private static partial Regex Parcel();

    [GeneratedRegex(@"(?<=\s)\d{1,6}\s+(?:(?:n|s|e|w|ne|nw|se|sw)\.?\s+)?(?:\d{1,3}(?:st|nd|rd|th)|[a-z]+(?:\s+[a-z]+)?)\s+(?:st|street|ave|avenue|av|rd|road|blvd|boulevard|dr|drive|ln|lane|way|pl|place|ct|court|ter|terrace|hwy|highway|pkwy|parkway|cir|circle|loop)\b\.?(?:\s+(?:ne|nw|se|sw|n|s|e|w)\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex Address();

    [GeneratedRegex(@"\b(\d{1,2}(?:\.\d)?)\s*(?:bd|bed|beds|br|bdrm)?\s*/\s*(\d(?:\.\d{1,2})?)\s*(?:ba|bath|baths)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex BedsBathsSlash();

    [GeneratedRegex(@"\b(\d{1,2}(?:\.\d)?)\s*-?\s*(?:bd|bds|bed|beds|bedroom|bedrooms|bedrm|bedrms|br|bdr|bdrm|bdrms|bedrooom|bedroms|bedrom|bdrooms)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Beds();

    [GeneratedRegex(@"\b(\d(?:\.\d{1,2})?)\s*-?\s*(?:ba|bth|bths|bath|baths|bathroom|bathrooms|bathrm|bathrms|bthrm|bathroms|batrooms)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Baths();

    [GeneratedRegex(@"\b(\d{1,2}(?:\.\d{1,2})?|\d{1,3}(?:,\d{3})+|\d{3,5})\s*(k)?\s*(?:sq\.?\s*ft\.?|sqft|sq\s*feet|square\s*feet|square\s*foot|sf|sqf|sqfeet|sq)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Sqft();

    [GeneratedRegex(@"\b(?:built|blt|constructed|year\s*built|yr\s*built|build\s*year)\s*(?:in|around|from|circa|ca\.?)?\s*((?:18|19|20)\d{2})\b|\b((?:18|19|20)\d{2})\s*(?:build|built|construction)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearBuiltPattern();

    [GeneratedRegex(@"(?:\blead\s*(?:#|id|no\.?|number|num)?\s*:?\s*|#|\bid\s*:?\s*|\bld\s*#?\s*)(\d{1,9})\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadIdPattern();

    [GeneratedRegex(@"(?:\$\s*(?<v>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?<u>k|m|mm|mil|mill|million|thousand|grand)?\b|\b(?<v>\d+(?:\.\d+)?)\s*(?<u>k|m|mm|mil|mill|million|thousand|grand)\b(?!\s*(?:sq|sf)))", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"(?<![\d$#.,])\b(\d{5})\b(?!\d|,\d|\s*(?:sq|sf|k\b))")]
    private static partial Regex Zip();

    [GeneratedRegex(@"\b(?:(?:next|coming|following|upcoming)\s+(?:(?<n>\d{1,2})\s+)?(?<unit>quarter|quarters|month|months|year|years|yr|yrs|week|weeks|wk|wks|days)|(?:in|over|within|for)\s+(?:the\s+next\s+)?(?:(?<n>\d{1,3})|(?<word>a|one|two|three|six|twelve|couple|few)(?:\s+of)?)\s+(?<unit>quarter|quarters|month|months|mos|mo|year|years|yr|yrs|week|weeks|wk|wks|days))\b", RegexOptions.IgnoreCase)]
    private static partial Regex HorizonPattern();

    [GeneratedRegex(@"\b(?:by|before|until|til|till|thru|through)\s+(?:(?<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(?<year>(?:19|20)\d{2})|(?<y>(?:19|20)\d{2})-(?<m>\d{2})(?:-(?<d>\d{2}))?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ByDate();

    [GeneratedRegex(@"\b(?:by|before|until|til|till|thru|through)\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", RegexOptions.IgnoreCase)]
    private static partial Regex ByMonth();

    [GeneratedRegex(@"\b(?:top|best|first|hottest|show(?:\s+me)?|give\s+me|list|find(?:\s+me)?|gimme)\s+(?<n>\d{1,2})\b(?!\s*(?:bd|bed|br|ba|bath|sq|k\b|m\b|%))|\b(?<n>\d{1,2})\s+(?:[a-z-]+\s+)?(?:hottest|hot|best|top|leads|lds|ldz|deals|properties|homes|houses|alerts|picks|ones|listings|prospects|opportunities|opps)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LimitPattern();

    [GeneratedRegex(@"\b(?:the\s+|that\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th|last|bottom)\b(?:\s+(?:one|lead|guy|person|on the list|1))?|\b(?:number|no\.?|#)\s*(\d{1,2})\s+(?:on|in)\s+the\s+list\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalPattern();

    [GeneratedRegex(@"\b(him|her|them|that\s+lead|this\s+lead|that\s+one|this\s+one|that\s+guy|that\s+person|same\s+lead|same\s+one|the\s+same|it|that\s+house|that\s+home|that\s+place|that\s+property|this\s+property)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PronounPattern();

    [GeneratedRegex(@"(?<![a-z])\d+(?:[.,]\d+)*(?![a-z])", RegexOptions.IgnoreCase)]
    private static partial Regex OtherNumber();
}
