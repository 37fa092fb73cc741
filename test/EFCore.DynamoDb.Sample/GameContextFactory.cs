using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;

namespace EFCore.DynamoDb.Sample;

/// <summary>How both the sample and dotnet ef (dbcontext info, dbcontext optimize) create the context.</summary>
public class GameContextFactory : IDesignTimeDbContextFactory<GameContext>
{
    public GameContext CreateDbContext(string[] args)
        => new(CreateOptions(SampleSettings.Load()));

    public static DbContextOptions<GameContext> CreateOptions(IConfiguration settings)
        => new DbContextOptionsBuilder<GameContext>().UseDynamoDb(settings).Options;
}
