namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>Where a test's query reads its entities: a context (the actual results) or the seed data (the expected ones).</summary>
public interface ISetSource
{
    IQueryable<TEntity> Entities<TEntity>()
        where TEntity : class;
}
