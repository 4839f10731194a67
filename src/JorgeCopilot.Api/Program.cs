using JorgeCopilot.Agent;
using JorgeCopilot.Api.Health;
using JorgeCopilot.Api.Hosting;
using JorgeCopilot.Channels;
using JorgeCopilot.Channels.BotFramework;
using JorgeCopilot.Channels.Sms;
using JorgeCopilot.Core;
using JorgeCopilot.Intelligence;
using JorgeCopilot.Intelligence.Forecasting;
using JorgeCopilot.Intelligence.LeadScoring;
using JorgeCopilot.Intelligence.Registry;
using JorgeCopilot.Intelligence.Market;
using JorgeCopilot.Intelligence.Pricing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddJorgeCore();
builder.AddJorgeAgent();
builder.Services.AddStoreInitialization();
builder.Services.AddFirstStartSeeding();
builder.Services.AddJorgeHealth();
builder.Services.AddJorgeIntelligence();
builder.Services.AddJorgeChannels();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapHealth();
app.MapChat();
app.MapLeadScoring();
app.MapModelRegistry();
app.MapBotFramework();
app.MapSms();
app.MapPricing();
app.MapMarket();
app.MapForecasting();

app.Run();

// Exposed for WebApplicationFactory<Program> in the integration tests.
public partial class Program;
