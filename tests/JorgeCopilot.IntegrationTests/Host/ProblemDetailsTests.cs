using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using JorgeCopilot.Core.Store;
using JorgeCopilot.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace JorgeCopilot.IntegrationTests.Host;

/// <summary>Every error the host answers is problem details, whatever produced it.</summary>
public sealed class ProblemDetailsTests
{
    private static async Task<JorgeApiFactory> FactoryAsync() =>
        await JorgeApiFactory.ForStoreAsync(StoreProvider.Sqlite, services => services.AddTransient<IStartupFilter, ProbeEndpoints>());

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        response.StatusCode.ShouldBe(expected);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var problem = json.RootElement.Clone();
        problem.GetProperty("status").GetInt32().ShouldBe((int)expected);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        await using var factory = await FactoryAsync();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        problem.GetProperty("instance").GetString().ShouldBe("GET /api/v1/no-such-thing");
    }

    [Fact]
    public async Task A_route_value_that_does_not_bind_is_a_400_problem_naming_the_parameter()
    {
        await using var factory = await FactoryAsync();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/probe/leads/not-a-number", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain("leadId");
    }

    [Fact]
    public async Task A_malformed_json_body_is_a_400_problem()
    {
        await using var factory = await FactoryAsync();
        using var client = factory.CreateClient();
        using var body = new StringContent("{\"name\": ", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/probe/leads", UriKind.Relative), body, TestContext.Current.CancellationToken);

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_valid_request_to_the_same_endpoints_succeeds()
    {
        await using var factory = await FactoryAsync();
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri("/probe/leads", UriKind.Relative), new ProbeLead("Ana"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_500_problem_that_leaks_nothing()
    {
        await using var factory = await FactoryAsync();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/probe/boom", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        problem.GetRawText().ShouldNotContain("secret connection detail");
        problem.GetRawText().ShouldNotContain("InvalidOperationException");
    }

    public sealed record ProbeLead(string Name);

    /// <summary>Endpoints that exist only in this test, appended behind the host's own pipeline (exception handler included).</summary>
    private sealed class ProbeEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseRouting();
            app.UseEndpoints(endpoints =>
            {
                endpoints.MapGet("/probe/leads/{leadId}", (long leadId) => TypedResults.Ok(leadId));
                endpoints.MapPost("/probe/leads", (ProbeLead lead) => TypedResults.Ok(lead));
                endpoints.MapGet("/probe/boom", IResult () => throw new InvalidOperationException("secret connection detail"));
            });
        };
    }
}
