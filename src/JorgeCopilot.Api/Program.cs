var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();

// Exposed for WebApplicationFactory<Program> in the integration tests.
public partial class Program;
