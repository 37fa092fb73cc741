namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Composes the mappings of collections from the mappings of their elements: sets of strings, numbers or binary
///     values (<c>SS</c>/<c>NS</c>/<c>BS</c>), lists and arrays (<c>L</c>) and string-keyed dictionaries (<c>M</c>) of
///     any scalar mapping. Lists are EF primitive collections (they carry their element mapping); sets and dictionaries
///     are mapped as single values, since EF's primitive collections are ordered lists.
/// </summary>
public static class DynamoCollectionMappings
{
    /// <summary>The mapping of a collection type, or <see langword="null" /> when it is not one or its elements are not supported.</summary>
    public static DynamoTypeMapping? Find(Type clrType, CoreTypeMapping? elementMapping, Func<Type, CoreTypeMapping?> findMapping)
    {
        if ((FindGenericArguments(clrType, typeof(IDictionary<,>)) ?? FindGenericArguments(clrType, typeof(IReadOnlyDictionary<,>))) is { } mapArguments)
        {
            var valueType = mapArguments[1];
            return mapArguments[0] == typeof(string)
                && DynamoCollectionFactory.CanCreate(clrType, typeof(IDictionary<,>).MakeGenericType(mapArguments), typeof(Dictionary<,>).MakeGenericType(mapArguments))
                && FindScalarMapping(valueType, null, findMapping) is { } valueMapping
                    ? Create(clrType, valueType, valueMapping, typeof(DynamoMapCodec<>), typeof(DynamoMapComparer<,>), [valueMapping.Comparer], listElementMapping: null)
                    : null;
        }

        if (FindGenericArguments(clrType, typeof(IEnumerable<>)) is not [var elementType])
        {
            return null;
        }

        var collectionType = typeof(ICollection<>).MakeGenericType(elementType);
        if (FindGenericArguments(clrType, typeof(ISet<>)) != null || FindGenericArguments(clrType, typeof(IReadOnlySet<>)) != null)
        {
            return DynamoCollectionFactory.CanCreate(clrType, collectionType, typeof(HashSet<>).MakeGenericType(elementType))
                && FindScalarMapping(elementType, elementMapping, findMapping) is { } setElementMapping
                && setElementMapping.ScalarType.ToSetType() != null
                    ? Create(clrType, elementType, setElementMapping, typeof(DynamoSetCodec<>), typeof(DynamoCollectionComparer<,>), [setElementMapping.Comparer, false], listElementMapping: null)
                    : null;
        }

        return (clrType.IsSZArray || DynamoCollectionFactory.CanCreate(clrType, collectionType, typeof(List<>).MakeGenericType(elementType)))
            && FindScalarMapping(elementType, elementMapping, findMapping) is { } listElementMapping
                ? Create(clrType, elementType, listElementMapping, typeof(DynamoListCodec<>), typeof(DynamoCollectionComparer<,>), [listElementMapping.Comparer, true], listElementMapping)
                : null;
    }

    /// <summary>Whether the type is shaped like a set, list or dictionary, whether or not its elements can be mapped.</summary>
    public static bool IsCollectionType(Type clrType)
        => clrType != typeof(string) && clrType != typeof(byte[]) && FindGenericArguments(clrType, typeof(IEnumerable<>)) != null;

    private static DynamoTypeMapping? FindScalarMapping(Type elementType, CoreTypeMapping? elementMapping, Func<Type, CoreTypeMapping?> findMapping)
        => (elementMapping ?? findMapping(elementType)) is DynamoTypeMapping { ScalarType: <= DynamoScalarType.Boolean } mapping ? mapping : null;

    private static DynamoTypeMapping Create(
        Type clrType,
        Type elementType,
        DynamoTypeMapping elementMapping,
        Type codecDefinition,
        Type comparerDefinition,
        object[] comparerArguments,
        CoreTypeMapping? listElementMapping)
    {
        var codec = (DynamoValueCodec)Activator.CreateInstance(codecDefinition.MakeGenericType(elementType), clrType, elementMapping)!;
        var comparer = (ValueComparer)Activator.CreateInstance(comparerDefinition.MakeGenericType(clrType, elementType), comparerArguments)!;
        return new DynamoTypeMapping(codec, comparer, listElementMapping);
    }

    private static Type[]? FindGenericArguments(Type clrType, Type genericInterface)
        => (clrType.IsGenericType && clrType.GetGenericTypeDefinition() == genericInterface
                ? clrType
                : clrType.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == genericInterface))
            ?.GetGenericArguments();
}
