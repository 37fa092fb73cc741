using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

public static class TestOptionsExtensions
{
    /// <summary>
    ///     The tests point contexts at many endpoints (each fault-injecting proxy listens on its own port) and at
    ///     application clients; each such setting needs an internal service provider of its own, which EF Core warns
    ///     about past twenty in one process. In an application that warning is right; in the test run it is expected.
    /// </summary>
    public static TBuilder AllowManyServiceProviders<TBuilder>(this TBuilder builder)
        where TBuilder : DbContextOptionsBuilder
    {
        builder.ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning));
        return builder;
    }
}
