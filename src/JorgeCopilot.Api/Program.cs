using JorgeCopilot.Channels;
using JorgeCopilot.Channels.BotFramework;
using JorgeCopilot.Channels.Sms;
using JorgeCopilot.Core;

var builder = WebApplication.CreateBuilder(args);
builder.AddJorgeCore();
builder.Services.AddJorgeChannels();
var app = builder.Build();
app.MapBotFramework();
app.MapSms();
app.Run();

// Exposed for WebApplicationFactory<Program> in the integration tests.
public partial class Program;
