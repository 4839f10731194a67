namespace JorgeCopilot.Intelligence.Capabilities;

/// <summary>
/// The function's parameters are optional one by one but it needs at least one of these (by parameter name); when none
/// is given the planner asks back with the prompt <see cref="Ask"/> (under <c>prompts/</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class NeedsOneOfAttribute(params string[] parameters) : Attribute
{
    public IReadOnlyList<string> Parameters { get; } = parameters;

    public string Ask { get; init; } = "answers/clarify_property.md";
}
