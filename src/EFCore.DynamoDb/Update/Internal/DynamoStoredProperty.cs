using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>A property stored in the item, with its attribute name and type mapping.</summary>
/// <param name="Property">The property.</param>
/// <param name="AttributeName">The attribute it is stored in.</param>
/// <param name="Mapping">Its type mapping.</param>
public sealed record DynamoStoredProperty(IProperty Property, string AttributeName, DynamoTypeMapping Mapping);
