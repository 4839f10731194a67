using System.IO.Compression;
using System.Text;

namespace JorgeCopilot.UnitTests.Import;

/// <summary>Small files written to a temp folder for reader tests.</summary>
internal static class TempFiles
{
    public static string Write(string name, string content)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("jorge-import-").FullName, name);
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var file = File.Create(path);
            using var gzip = new GZipStream(file, CompressionLevel.Fastest);
            gzip.Write(Encoding.UTF8.GetBytes(content));
        }
        else
        {
            File.WriteAllText(path, content);
        }

        return path;
    }
}
