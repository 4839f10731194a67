namespace JorgeCopilot.Core.Import;

/// <summary>
/// Deterministic display names for leads whose source has none (bank-marketing): the same lead always gets the same
/// name. About 18,000 first/last combinations keep most full names rare among the 41,188 demo leads, while common
/// surnames appear several times in the list on purpose, so the demo has many Garcias and lookups by
/// name must handle ambiguity.
/// </summary>
public static class GeneratedNames
{
    private static readonly string[] First =
    [
        "Ana", "Luis", "Maria", "Jose", "Carmen", "Miguel", "Sofia", "Diego", "Lucia", "Javier", "Elena", "Pedro",
        "Isabel", "Carlos", "Laura", "Jorge", "Paula", "Andres", "Marta", "Pablo", "Sarah", "James", "Emily", "Michael",
        "Olivia", "David", "Grace", "Daniel", "Hannah", "Robert", "Chloe", "Thomas", "Mei", "Wei", "Priya", "Arjun",
        "Fatima", "Omar", "Nadia", "Samuel", "Rosa", "Antonio", "Teresa", "Manuel", "Beatriz", "Rafael", "Gabriela",
        "Alejandro", "Valeria", "Fernando", "Camila", "Ricardo", "Daniela", "Eduardo", "Natalia", "Sergio", "Adriana",
        "Hector", "Monica", "Raul", "Patricia", "Victor", "Claudia", "Oscar", "Veronica", "Alberto", "Jennifer", "John",
        "Jessica", "William", "Ashley", "Joseph", "Amanda", "Christopher", "Megan", "Matthew", "Rachel", "Andrew",
        "Lauren", "Joshua", "Rebecca", "Ryan", "Nicole", "Brandon", "Samantha", "Kevin", "Stephanie", "Brian", "Heather",
        "Eric", "Melissa", "Justin", "Kimberly", "Aaron", "Amy", "Adam", "Angela", "Nathan", "Julia", "Kyle", "Victoria",
        "Ethan", "Zoe", "Noah", "Lily", "Lucas", "Ava", "Henry", "Mia", "Jun", "Hana", "Kenji", "Yuki", "Min", "Ji-woo",
        "Ravi", "Anika", "Vikram", "Leila", "Hassan", "Amara", "Kwame", "Zainab", "Tariq", "Ingrid", "Lars",
    ];

    private static readonly string[] Last =
    [
        "Garcia", "Garcia", "Garcia", "Martinez", "Martinez", "Rodriguez", "Rodriguez", "Lopez", "Hernandez", "Gonzalez",
        "Perez", "Sanchez", "Ramirez", "Torres", "Flores", "Rivera", "Smith", "Smith", "Johnson", "Williams", "Brown",
        "Jones", "Miller", "Davis", "Wilson", "Anderson", "Nguyen", "Kim", "Chen", "Patel", "Silva", "Costa", "Santos",
        "Oliveira", "Pereira", "Ferreira", "Ramos", "Reyes", "Cruz", "Morales", "Ortiz", "Gutierrez", "Chavez", "Ruiz",
        "Alvarez", "Castillo", "Jimenez", "Vasquez", "Romero", "Herrera", "Medina", "Aguilar", "Vargas", "Castro",
        "Mendoza", "Fernandez", "Guzman", "Munoz", "Rojas", "Delgado", "Navarro", "Soto", "Taylor", "Thomas", "Moore",
        "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young",
        "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts",
        "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Murphy", "Cook",
        "Rogers", "Morgan", "Cooper", "Peterson", "Reed", "Bailey", "Bell", "Kelly", "Howard", "Ward", "Cox", "Wang",
        "Li", "Zhang", "Liu", "Park", "Choi", "Tran", "Le", "Pham", "Shah", "Singh", "Kumar", "Gupta", "Ali", "Khan",
        "Hassan", "Okafor", "Mensah", "Larsen", "Nilsen", "Novak", "Kowalski", "Rossi", "Russo", "Ricci", "Muller",
        "Schmidt", "Fischer", "Weber", "Dubois", "Moreau", "Laurent", "OBrien", "Walsh", "Byrne",
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
