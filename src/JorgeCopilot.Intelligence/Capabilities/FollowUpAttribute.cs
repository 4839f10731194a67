namespace JorgeCopilot.Intelligence.Capabilities;

/// <summary>A next step offered under a function's answer: <paramref name="title"/> on the button, <paramref name="text"/> sent back as the user's message.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class FollowUpAttribute(string title, string text) : Attribute
{
    public string Title { get; } = title;

    public string Text { get; } = text;
}
