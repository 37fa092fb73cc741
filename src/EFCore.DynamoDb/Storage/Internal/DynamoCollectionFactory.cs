namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Creates collections of a property's CLR type from elements read or copied: arrays as arrays, interfaces as
///     <see cref="List{T}" />, <see cref="HashSet{T}" /> or <see cref="Dictionary{TKey,TValue}" />, and concrete
///     types through their public parameterless constructor.
/// </summary>
public static class DynamoCollectionFactory
{
    /// <summary>A collection of <paramref name="clrType" /> holding <paramref name="elements" /> in order.</summary>
    public static object Create<TElement>(Type clrType, IEnumerable<TElement> elements)
    {
        if (clrType.IsArray)
        {
            return elements.ToArray();
        }

        if (clrType.IsInterface)
        {
            return clrType.IsAssignableFrom(typeof(List<TElement>)) ? elements.ToList() : elements.ToHashSet();
        }

        var collection = (ICollection<TElement>)Activator.CreateInstance(clrType)!;
        foreach (var element in elements)
        {
            collection.Add(element);
        }

        return collection;
    }

    /// <summary>
    ///     A string-keyed dictionary of <paramref name="clrType" /> holding <paramref name="entries" />, keys compared
    ///     ordinally.
    /// </summary>
    public static object CreateMap<TElement>(Type clrType, IEnumerable<KeyValuePair<string, TElement>> entries)
    {
        var map = clrType.IsInterface
            ? new Dictionary<string, TElement>(StringComparer.Ordinal)
            : (IDictionary<string, TElement>)Activator.CreateInstance(clrType)!;
        foreach (var entry in entries)
        {
            map.Add(entry.Key, entry.Value);
        }

        return map;
    }

    /// <summary>Whether <see cref="Create{TElement}" /> can create the type, given the interface it must implement.</summary>
    public static bool CanCreate(Type clrType, Type requiredInterface, Type defaultImplementation)
        => clrType.IsInterface
            ? clrType.IsAssignableFrom(defaultImplementation)
            : !clrType.IsAbstract && requiredInterface.IsAssignableFrom(clrType) && clrType.GetConstructor(Type.EmptyTypes) != null;
}
