using System.Globalization;
using System.IO.Compression;
using CsvHelper;
using CsvHelper.Configuration;
using JorgeCopilot.Core.Data;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>
/// Success rates of the bundled phone campaign (bank-marketing, 41,188 contacts) by weekday, month and contact channel:
/// the population's answer to "when and how do people say yes" when there is no message history to learn from.
/// </summary>
public sealed record CampaignContactRates(IReadOnlyList<ContactRate> Weekdays, IReadOnlyList<ContactRate> Months, IReadOnlyList<ContactRate> Channels, double Overall)
{
    public static CampaignContactRates Read(DataLocator data) => From(Contacts(data));

    /// <summary>Every contact of the campaign in file (= time) order.</summary>
    public static List<(string Day, string Month, string Channel, bool Yes)> Contacts(DataLocator data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var stream = new GZipStream(File.OpenRead(data.Bundled("bank-marketing", "bank-additional-full.csv.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var rows = new List<(string Day, string Month, string Channel, bool Yes)>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            rows.Add((csv.GetField("day_of_week")!, csv.GetField("month")!, csv.GetField("contact")!, csv.GetField("y") == "yes"));
        }

        return rows;
    }

    public static CampaignContactRates From(IReadOnlyList<(string Day, string Month, string Channel, bool Yes)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);

        static IReadOnlyList<ContactRate> By(IEnumerable<(string Key, bool Yes)> xs) => xs.GroupBy(x => x.Key)
            .Select(g => new ContactRate(g.Key, g.Count(), Math.Round(g.Count(x => x.Yes) / (double)g.Count(), 4)))
            .OrderByDescending(r => r.Rate).ToList();

        return new CampaignContactRates(By(rows.Select(r => (r.Day, r.Yes))), By(rows.Select(r => (r.Month, r.Yes))), By(rows.Select(r => (r.Channel, r.Yes))),
            Math.Round(rows.Count(r => r.Yes) / (double)rows.Count, 4));
    }
}

public sealed record ContactRate(string Key, int Contacts, double Rate);
