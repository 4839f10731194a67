using JorgeCopilot.Agent;
using JorgeCopilot.Api.Health;
using JorgeCopilot.Api.Hosting;
using JorgeCopilot.Core;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddJorgeCore();
builder.AddJorgeAgent();
builder.Services.AddStoreInitialization();
builder.Services.AddFirstStartSeeding();
builder.Services.AddJorgeHealth();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapHealth();
app.MapChat();

app.Run();

// Exposed for WebApplicationFactory<Program> in the integration tests.
public partial class Program;
