using JorgeCopilot.Api.Health;
using JorgeCopilot.Api.Hosting;
using JorgeCopilot.Channels;
using JorgeCopilot.Core;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddJorgeCopilot();
builder.Services.AddStoreInitialization();
builder.Services.AddFirstStartSeeding();
builder.Services.AddJorgeHealth();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapHealth();
app.MapJorgeCopilot();

app.Run();

// Exposed for WebApplicationFactory<Program> in the integration tests.
public partial class Program;
