namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>One training or scoring row: what the lead said, what was said to them just before, and (training) the objection.</summary>
public sealed class ObjectionExample
{
    public string Text { get; set; } = "";
    public string Context { get; set; } = "";
    public string Label { get; set; } = "";
    public float Weight { get; set; } = 1;
    public string DialogueId { get; set; } = "";
}
