namespace JorgeCopilot.Agent.Planning;

/// <summary>The one parameter-name normaliser: "leadId", "lead_id" and "LeadId" all become "leadid".</summary>
public static class ParameterNames
{
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
    }
}
