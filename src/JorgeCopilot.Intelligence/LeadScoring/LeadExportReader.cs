using System.Globalization;
using System.IO.Compression;
using CsvHelper;
using CsvHelper.Configuration;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>Reads a lead export (CSV, optionally gzip) into labelled leads through a <see cref="LeadExportMapping"/>.</summary>
public static class LeadExportReader
{
    public static IReadOnlyList<LeadExample> Read(string path, LeadExportMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No such file: {path}");
        }

        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = mapping.Delimiter,
            BadDataFound = null,
            MissingFieldFound = null,
        });
        if (!csv.Read() || !csv.ReadHeader())
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: no header row.");
        }

        var header = csv.HeaderRecord!;
        var targetIndex = Array.IndexOf(header, mapping.Target.Column);
        if (targetIndex < 0)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: target column '{mapping.Target.Column}' is not in the header.");
        }

        var keyIndex = mapping.KeyColumn is null ? -1 : Array.IndexOf(header, mapping.KeyColumn);
        var channelIndex = mapping.ChannelColumn is null ? -1 : Array.IndexOf(header, mapping.ChannelColumn);
        var used = Enumerable.Range(0, header.Length).Where(i => header[i].Length > 0 && !mapping.Excludes(header[i])).ToArray();
        var examples = new List<LeadExample>();
        long row = 0;
        while (csv.Read())
        {
            row++;
            var target = csv.GetField(targetIndex)?.Trim();
            if (string.IsNullOrEmpty(target))
            {
                throw new InvalidDataException($"{Path.GetFileName(path)} line {row + 1}: target '{mapping.Target.Column}' is empty.");
            }

            var attributes = new Dictionary<string, string>(used.Length, StringComparer.Ordinal);
            foreach (var i in used)
            {
                attributes[header[i]] = csv.GetField(i) ?? "";
            }

            var key = keyIndex >= 0 ? csv.GetField(keyIndex) ?? $"row-{row:000000}" : $"row-{row:000000}";
            var channel = channelIndex >= 0 ? csv.GetField(channelIndex) : null;
            var lead = new LeadRecord(key, mapping.Dataset, channel, null, attributes, []);
            examples.Add(new LeadExample(lead, string.Equals(target, mapping.Target.Positive, StringComparison.OrdinalIgnoreCase), row));
        }

        return examples;
    }
}
