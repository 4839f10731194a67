namespace JorgeCopilot.Core.Import;

/// <summary>How a source cell is parsed. Names match the mapping files' <c>type</c> values.</summary>
public enum FieldType
{
    String,
    Int,
    Double,
    Decimal,
    Bool,
    Date,
    DateTime,
    Category,
}
