namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// Deterministic, language-independent assignment of parcels to splits and folds (SplitMix64 of the parcel number xor a
/// seed), so repeat sales of one home always land together and the Python peer baseline can reproduce the same split.
/// </summary>
public static class ParcelHash
{
    public static ulong Mix(ulong x)
    {
        var z = unchecked(x + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) per (parcel, seed).</summary>
    public static double Uniform(string parcelId, ulong seed) => Mix(Key(parcelId) ^ seed) / 18446744073709551616.0;

    public static int Fold(string parcelId, int folds, ulong seed = 7) => (int)(Mix(Key(parcelId) ^ seed) % (ulong)folds);

    /// <summary>Numeric parcel ids are used as-is (matching the Python baseline); others through a stable FNV-1a hash.</summary>
    private static ulong Key(string parcelId)
    {
        if (ulong.TryParse(parcelId, out var numeric))
        {
            return numeric;
        }

        var hash = 14695981039346656037UL;
        foreach (var c in parcelId)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }
}
