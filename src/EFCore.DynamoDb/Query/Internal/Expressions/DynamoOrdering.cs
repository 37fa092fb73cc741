namespace EFCore.DynamoDb.Query.Internal.Expressions;

/// <summary>One <c>OrderBy</c>/<c>ThenBy</c>: the property and the direction.</summary>
public sealed record DynamoOrdering(IProperty Property, bool Ascending);
