using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.OpenApi;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace JorgeCopilot.Api.Hosting;

/// <summary>What every request shares: problem details, OpenAPI, telemetry. Capabilities add their endpoints on top.</summary>
public static class ServiceDefaults
{
    /// <summary>Activity sources and meters of our own code are named <c>JorgeCopilot.*</c>.</summary>
    public const string TelemetryPrefix = "JorgeCopilot.";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // The trace id lets an operator find the request's logs and spans from what the caller saw.
            context.ProblemDetails.Instance ??= $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path}";
            // Last line of defence: whatever wrote the problem, no type names, paths or stack frames reach the caller.
            if (context.ProblemDetails.Detail is { } detail)
            {
                context.ProblemDetails.Detail = PublicErrorText.Scrub(detail);
            }

            if (context.ProblemDetails is HttpValidationProblemDetails validation)
            {
                foreach (var key in validation.Errors.Keys.ToList())
                {
                    validation.Errors[key] = [.. validation.Errors[key].Select(PublicErrorText.Scrub)];
                }
            }

            context.ProblemDetails.Extensions.TryAdd("traceId",
                Activity.Current?.Id ?? context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? context.HttpContext.TraceIdentifier);
        });
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Binding failures (bad route values, malformed JSON) throw so ProblemDetailsExceptionHandler can say what was
        // wrong; without this, production answers a bare 400 with no reason.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "JorgeCopilot API",
                Version = "v1",
                Description = "Lead scoring, pricing, forecasting and the copilot for a real-estate agent.",
            };
            return Task.CompletedTask;
        }));

        builder.AddTelemetry();
        return builder;
    }

    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        // Empty 4xx/5xx responses (unknown route, wrong method, bare TypedResults.NotFound()) become problem details.
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c>.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi().AllowAnonymous();
        return app;
    }

    private static void AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("jorge-copilot"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetryPrefix + "*"))
            .WithTracing(tracing => tracing
                // Health probes every few seconds would drown the traces that matter.
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddSource(TelemetryPrefix + "*"));

        // Export only when a collector is configured; otherwise the instrumentation costs nearly nothing.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
    }
}
