using JorgeCopilot.Api.Health;
using JorgeCopilot.Api.Hosting;
using JorgeCopilot.Core;
using JorgeCopilot.Intelligence;
using JorgeCopilot.Intelligence.Market;
using JorgeCopilot.Intelligence.Pricing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddJorgeCore();
builder.Services.AddJorgeIntelligence();
builder.Services.AddStoreInitialization();
builder.Services.AddFirstStartSeeding();
builder.Services.AddJorgeHealth();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapHealth();
app.MapPricing();
app.MapMarket();

app.Run();

// Exposed for WebApplicationFactory<Program> in the integration tests.
public partial class Program;
