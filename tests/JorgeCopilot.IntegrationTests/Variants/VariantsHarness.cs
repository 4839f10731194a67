using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Variants;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.IntegrationTests.Variants;

/// <summary>The variant service wired by hand over a real store, as each API replica would have it.</summary>
internal static class VariantsHarness
{
    public static VariantService Service(JorgeDbContextFactory factory, VariantsOptions? options = null)
    {
        var o = Options.Create(options ?? new VariantsOptions { Seed = 7 });
        return new VariantService(factory, new ExperimentStore(factory, TimeProvider.System), new VariantBandit(o),
            new VariantGenerator(new VariantTemplates(), o, NullLogger<VariantGenerator>.Instance), new StoreExemplarSource(factory), o,
            TimeProvider.System, NullLogger<VariantService>.Instance);
    }
}
