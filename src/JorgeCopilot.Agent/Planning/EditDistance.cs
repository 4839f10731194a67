namespace JorgeCopilot.Agent.Planning;

internal static class EditDistance
{
    /// <summary>Optimal-string-alignment distance (adjacent swaps count once: "garica" → "garcia" = 1), cut off above <paramref name="max"/>.</summary>
    public static int DamerauLevenshtein(string a, string b, int max)
    {
        var n = a.Length;
        var m = b.Length;
        if (Math.Abs(n - m) > max)
        {
            return max + 1;
        }

        var d = new int[n + 1, m + 1];
        for (var i = 0; i <= n; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= m; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= n; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= m; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                }

                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > max)
            {
                return max + 1;
            }
        }

        return d[n, m];
    }
}
