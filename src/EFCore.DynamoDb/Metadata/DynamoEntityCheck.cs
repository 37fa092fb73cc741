// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Metadata;

/// <summary>A named rule a saved entity must satisfy, configured with <c>HasCheck</c>.</summary>
/// <param name="Name">The name the failure reports.</param>
/// <param name="Predicate">True when the entity passes.</param>
public sealed record DynamoEntityCheck(string Name, Func<object, bool> Predicate);
