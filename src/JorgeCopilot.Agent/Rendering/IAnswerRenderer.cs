namespace JorgeCopilot.Agent.Rendering;

/// <summary>Renders a <see cref="StructuredAnswer"/> for one kind of channel. The Teams card renderer lives in Channels.</summary>
public interface IAnswerRenderer
{
    /// <summary>"markdown", "sms", ...</summary>
    string Format { get; }

    string Render(StructuredAnswer answer);
}
