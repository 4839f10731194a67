using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ScottPlot;

namespace JorgeCopilot.Dashboard.Hosting;

/// <summary>
/// The app shell: stylesheet, script, PWA manifest, service worker and icons. Anonymous (the sign-in page needs them,
/// and a browser installs the PWA before signing in); none of it holds data.
/// </summary>
internal static class DashboardAssets
{
    private static readonly ConcurrentDictionary<int, byte[]> Icons = new();

    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["assets/site.css"] = "text/css; charset=utf-8",
        ["assets/site.js"] = "text/javascript; charset=utf-8",
        ["manifest.webmanifest"] = "application/manifest+json",
        ["sw.js"] = "text/javascript; charset=utf-8",
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var (path, contentType) in Files)
        {
            var bytes = Read(Path.GetFileName(path));
            app.MapGet($"{DashboardAuth.BasePath}/{path}", (HttpContext http) =>
            {
                // The service worker is re-checked on every visit so a new shell reaches installed apps promptly.
                http.Response.Headers.CacheControl = path == "sw.js" ? "no-cache" : "public, max-age=3600";
                if (path == "sw.js")
                {
                    // The worker lives at /dashboard/sw.js but controls /dashboard itself too (the start URL), one level up.
                    http.Response.Headers["Service-Worker-Allowed"] = DashboardAuth.BasePath;
                }

                return TypedResults.Bytes(bytes, contentType);
            }).AllowAnonymous().ExcludeFromDescription();
        }

        app.MapGet(DashboardAuth.BasePath + "/icon-{size:int}.png", (int size, HttpContext http) =>
        {
            if (size is not (192 or 512 or 180))
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Bytes(Icons.GetOrAdd(size, Icon), "image/png");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>A square icon drawn with ScottPlot (no image files in git, no System.Drawing): a house roof over a "J".</summary>
    internal static byte[] Icon(int size)
    {
        var plot = new Plot();
        plot.FigureBackground.Color = Color.FromHex("#1f4e79");
        plot.DataBackground.Color = Color.FromHex("#1f4e79");
        plot.HideGrid();
        plot.Axes.Frameless();
        plot.Axes.SetLimits(0, 10, 0, 10);
        var roof = plot.Add.Polygon(new Coordinates[] { new(1.5, 6), new(5, 9), new(8.5, 6) });
        roof.FillColor = Color.FromHex("#f2b134");
        roof.LineWidth = 0;
        var letter = plot.Add.Text("J", 5, 3.3);
        letter.LabelFontSize = size * 0.42f;
        letter.LabelFontColor = Colors.White;
        letter.LabelBold = true;
        letter.LabelAlignment = Alignment.MiddleCenter;
        return plot.GetImageBytes(size, size, ImageFormat.Png);
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("dashboard/" + name)
            ?? throw new InvalidOperationException($"Embedded dashboard asset {name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
