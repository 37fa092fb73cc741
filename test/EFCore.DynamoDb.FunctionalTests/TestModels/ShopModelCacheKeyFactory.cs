using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EFCore.DynamoDb.FunctionalTests.TestModels;

/// <summary>Caches the shop's model per context type and per model (one table or several).</summary>
public sealed class ShopModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => (context.GetType(), (context as ShopContext)?.OneTable, designTime);
}
