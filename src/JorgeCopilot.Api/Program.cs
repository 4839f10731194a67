using JorgeCopilot.Agent;
using JorgeCopilot.Core;

var builder = WebApplication.CreateBuilder(args);
builder.AddJorgeCore();
builder.AddJorgeAgent();
var app = builder.Build();
app.MapChat();
app.Run();

// Exposed for WebApplicationFactory<Program> in the integration tests.
public partial class Program;
