namespace JorgeCopilot.Core.Import;

/// <summary>
/// Deterministic display names for leads whose source has none (bank-marketing): the same lead always gets the same
/// name. Common surnames appear several times in the list on purpose, so the demo has many Garcias and lookups by
/// name must handle ambiguity.
/// </summary>
public static class GeneratedNames
{
    private static readonly string[] First =
    [
        "Ana", "Luis", "Maria", "Jose", "Carmen", "Miguel", "Sofia", "Diego", "Lucia", "Javier", "Elena", "Pedro",
        "Isabel", "Carlos", "Laura", "Jorge", "Paula", "Andres", "Marta", "Pablo", "Sarah", "James", "Emily", "Michael",
        "Olivia", "David", "Grace", "Daniel", "Hannah", "Robert", "Chloe", "Thomas", "Mei", "Wei", "Priya", "Arjun",
        "Fatima", "Omar", "Nadia", "Samuel",
    ];

    private static readonly string[] Last =
    [
        "Garcia", "Garcia", "Garcia", "Martinez", "Martinez", "Rodriguez", "Rodriguez", "Lopez", "Hernandez", "Gonzalez",
        "Perez", "Sanchez", "Ramirez", "Torres", "Flores", "Rivera", "Smith", "Smith", "Johnson", "Williams", "Brown",
        "Jones", "Miller", "Davis", "Wilson", "Anderson", "Nguyen", "Kim", "Chen", "Patel", "Silva", "Costa", "Santos",
        "Oliveira", "Pereira", "Ferreira",
    ];

    public static string For(string source, string externalId)
    {
        var hash = Fnv1A(source + "\u001f" + externalId);
        return $"{First[hash % (uint)First.Length]} {Last[(hash / (uint)First.Length) % (uint)Last.Length]}";
    }

    /// <summary>FNV-1a: stable across processes and runtimes, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static uint Fnv1A(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
