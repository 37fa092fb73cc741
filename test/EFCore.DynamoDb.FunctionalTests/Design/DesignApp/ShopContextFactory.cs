using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DesignApp;

/// <summary>How dotnet ef creates the context: no database is contacted at design time.</summary>
public class ShopContextFactory : IDesignTimeDbContextFactory<ShopContext>
{
    public ShopContext CreateDbContext(string[] args)
        => Create("http://localhost:8000", "design-");

    public static ShopContext Create(string serviceUrl, string tablePrefix)
    {
        var builder = new DbContextOptionsBuilder<ShopContext>()
            .UseDynamoDb(o => o.ServiceUrl(serviceUrl).Credentials("test", "test").TableNamePrefix(tablePrefix));
#if COMPILED_MODEL
        builder.UseModel(DesignApp.CompiledModel.ShopContextModel.Instance);
#endif
        return new ShopContext(builder.Options);
    }
}
