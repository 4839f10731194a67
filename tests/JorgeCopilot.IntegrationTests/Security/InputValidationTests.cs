using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using JorgeCopilot.Agent;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.IntegrationTests.Security;

/// <summary>One rule set for inputs: every mistake is a 400 problem naming the parameter, and no error body shows internals.</summary>
public sealed class InputValidationTests(ApiKeyHostFixture fixture) : IClassFixture<ApiKeyHostFixture>
{
    private readonly JorgeApiFactory _factory = fixture.Factory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/pricing/value?zip=98103&sqft=NaN", "sqft")]
    [InlineData("/api/v1/pricing/value?zip=98103&bedrooms=NaN", "bedrooms")]
    [InlineData("/api/v1/pricing/value?zip=98103&bathrooms=Infinity", "bathrooms")]
    [InlineData("/api/v1/pricing/value?zip=98103&sqft=1e30", "sqft")]
    [InlineData("/api/v1/pricing/value?zip=98103&sqft=abc", "sqft")]
    [InlineData("/api/v1/pricing/value?zip=98103&yearBuilt=1e3", "yearBuilt")]
    [InlineData("/api/v1/pricing/value?zip=abc", "zip")]
    [InlineData("/api/v1/pricing/days-to-sell?address=1&listPrice=NaN", "listPrice")]
    [InlineData("/api/v1/pricing/days-to-sell?address=1&listPrice=1e30", "listPrice")]
    [InlineData("/api/v1/pricing/undervalued?zip=abc", "zip")]
    [InlineData("/api/v1/pricing/undervalued?limit=many", "limit")]
    [InlineData("/api/v1/leads/abc/score", "leadId")]
    [InlineData("/api/v1/leads/0/score", "leadId")]
    [InlineData("/api/v1/leads/top?limit=abc", "limit")]
    [InlineData("/api/v1/leads/top?limit=0", "limit")]
    [InlineData("/api/v1/market/alerts?limit=-1", "limit")]
    public async Task A_bad_value_is_a_400_problem_naming_the_parameter(string path, string parameter)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        var problem = await ProblemAsync(response);
        problem.GetProperty("title").GetString().ShouldBe("Invalid request");
        problem.GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue(problem.GetRawText());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(18_000)]
    public async Task Chat_text_over_the_copilots_limit_is_a_400_problem_however_far_over(int over)
    {
        using var client = _factory.CreateClient();
        var limit = _factory.Services.GetRequiredService<IOptions<CopilotOptions>>().Value.MaxQuestionLength;

        using var response = await client.PostAsJsonAsync("/api/v1/chat", new { text = new string('a', limit + over) }, Ct);

        var problem = await ProblemAsync(response);
        problem.GetProperty("errors").TryGetProperty("text", out _).ShouldBeTrue(problem.GetRawText());
    }

    [Fact]
    public async Task No_error_body_shows_type_names_paths_or_stack_frames()
    {
        using var client = _factory.CreateClient();
        var bodies = new List<string>();
        foreach (var path in new[]
                 {
                     "/api/v1/leads/top?limit=abc", "/api/v1/leads/abc/score", "/api/v1/pricing/value?zip=98103&sqft=abc",
                     "/api/v1/pricing/undervalued?zip=abc", "/api/v1/market/alerts?limit=x", "/api/v1/no-such-route",
                 })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
            bodies.Add(await response.Content.ReadAsStringAsync(Ct));
        }

        foreach (var (path, json) in new[]
                 {
                     ("/api/v1/outcomes", "{\"key\": "), ("/api/v1/outcomes", "{\"key\":\"k\",\"leadId\":\"not a number\",\"converted\":true}"),
                     ("/api/v1/chat", "{\"text\": 5}"), ("/api/v1/chat", "[1,2"), ("/api/messages", "{\"type\": 5}"),
                 })
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, Ct);
            ((int)response.StatusCode).ShouldBeInRange(400, 499);
            bodies.Add(await response.Content.ReadAsStringAsync(Ct));
        }

        using (var form = new MultipartFormDataContent { { new StringContent("a,b\n1,2"), "file", "listings.csv" }, { new StringContent("{not yaml: ["), "map", "map.json" } })
        using (var response = await client.PostAsync(new Uri("/api/v1/market/listings/import", UriKind.Relative), form, Ct))
        {
            bodies.Add(await response.Content.ReadAsStringAsync(Ct));
        }

        foreach (var body in bodies)
        {
            foreach (var leak in new[] { "System.", "Microsoft.", "JorgeCopilot.", "Nullable", "Exception", "/tmp/", ":line ", "   at ", "OutcomeRequest", "ChatRequestBody" })
            {
                body.ShouldNotContain(leak, Case.Sensitive, body);
            }
        }
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }
}
