using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace JorgeCopilot.Agent.Rendering;

/// <summary>
/// A chart carried in its own URL (<c>/charts/{token}.png</c>): the chart's data as deflated JSON in base64url. Teams
/// cannot embed a chart image inside its ~28 KB message limit, so cards link to this instead; the link needs no
/// server-side state (any replica draws it) and reveals nothing the card itself does not show.
/// </summary>
public static class ChartToken
{
    /// <summary>Longest token accepted: a few hundred points; keeps URLs well inside what clients and proxies pass.</summary>
    public const int MaxLength = 6_000;

    private const int MaxPoints = 240;
    private const int MaxSeries = 6;

    public static string Encode(AnswerChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var payload = new Payload(chart.Title, chart.X, chart.Series, chart.Lower, chart.Upper, chart.YLabel);
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            JsonSerializer.Serialize(deflate, payload);
        }

        return WebEncoders.Base64UrlEncode(buffer.ToArray());
    }

    /// <summary>The chart a token carries, or null when the token is malformed or too large to draw.</summary>
    public static AnswerChart? Decode(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return null;
        }

        try
        {
            using var input = new MemoryStream(WebEncoders.Base64UrlDecode(token));
            using var deflate = new DeflateStream(input, CompressionMode.Decompress);
            using var limited = new MemoryStream();
            // A small token could inflate to a huge document: read at most 256 KB.
            var chunk = new byte[8192];
            int read;
            while ((read = deflate.Read(chunk)) > 0)
            {
                limited.Write(chunk, 0, read);
                if (limited.Length > 256 * 1024)
                {
                    return null;
                }
            }

            limited.Position = 0;
            var payload = JsonSerializer.Deserialize<Payload>(limited);
            return payload is not null && Valid(payload)
                ? new AnswerChart(payload.Title, payload.X, payload.Series, "chart") { Lower = payload.Lower, Upper = payload.Upper, YLabel = payload.YLabel }
                : null;
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or JsonException)
        {
            return null;
        }
    }

    private static bool Valid(Payload p) =>
        p.X is { Count: > 0 and <= MaxPoints } && p.Series is { Count: > 0 and <= MaxSeries }
        && p.Series.Values.All(v => v.Count == p.X.Count && v.All(double.IsFinite))
        && (p.Lower is null || p.Lower.Count == p.X.Count) && (p.Upper is null || p.Upper.Count == p.X.Count);

    private sealed record Payload(
        string Title,
        IReadOnlyList<string> X,
        IReadOnlyDictionary<string, IReadOnlyList<double>> Series,
        IReadOnlyList<double>? Lower,
        IReadOnlyList<double>? Upper,
        string? YLabel);
}
