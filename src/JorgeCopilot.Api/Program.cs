using JorgeCopilot.Api.Health;
using JorgeCopilot.Api.Hosting;
using JorgeCopilot.Api.Security;
using JorgeCopilot.Channels;
using JorgeCopilot.Core;
using JorgeCopilot.Dashboard.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddJorgeCopilot();
builder.Services.AddStoreInitialization();
builder.Services.AddFirstStartSeeding();
builder.Services.AddJorgeHealth();
builder.AddApiSecurity();
builder.AddJorgeDashboard();

var app = builder.Build();

app.UseServiceDefaults();
app.UseApiSecurity();
app.MapDefaultEndpoints();
app.MapHealth();
app.MapJorgeCopilot();
app.MapJorgeDashboard();

app.Run();

// Exposed for WebApplicationFactory<Program> in the integration tests.
public partial class Program;
