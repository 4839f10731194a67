using JorgeCopilot.Core;
using JorgeCopilot.Intelligence;
using JorgeCopilot.Intelligence.LeadScoring;
using JorgeCopilot.Intelligence.Registry;

var builder = WebApplication.CreateBuilder(args);
builder.AddJorgeCore();
builder.Services.AddJorgeIntelligence();
builder.Services.AddProblemDetails();
var app = builder.Build();
app.MapLeadScoring();
app.MapModelRegistry();
app.Run();

// Exposed for WebApplicationFactory<Program> in the integration tests.
public partial class Program;
