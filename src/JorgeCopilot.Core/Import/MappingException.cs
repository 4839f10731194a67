namespace JorgeCopilot.Core.Import;

/// <summary>A mapping file that cannot be used (unknown kind, unknown type, bad format string, ...).</summary>
public sealed class MappingException : Exception
{
    public MappingException()
    {
    }

    public MappingException(string message) : base(message)
    {
    }

    public MappingException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
