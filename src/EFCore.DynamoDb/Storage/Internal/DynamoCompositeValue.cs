namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Computes a composite's value: the custom merge over the entity when there is one, otherwise its prefix and the
///     components' invariant text joined with the separator. A null component makes the whole composite null (no attribute).
/// </summary>
public static class DynamoCompositeValue
{
    /// <summary>
    ///     The composite's value for <paramref name="entity" />, reading each component's value with <paramref
    ///     name="readComponent" /> (current or original values, as the caller needs).
    /// </summary>
    public static object? Compute(IReadOnlyProperty composite, object entity, Func<IReadOnlyProperty, object?> readComponent)
        => composite.GetCompositeMerge() is { } merge
            ? merge(entity)
            : Join(composite, composite.GetCompositeComponentNames().Select(name => readComponent(composite.DeclaringType.FindProperty(name)!)));

    /// <summary>
    ///     The prefix, then the components' invariant text joined with the separator; <see langword="null" /> when any is
    ///     null.
    /// </summary>
    public static string? Join(IReadOnlyProperty composite, IEnumerable<object?> componentValues)
    {
        var parts = new List<string>();
        foreach (var value in componentValues)
        {
            if (value == null)
            {
                return null;
            }

            parts.Add(value switch
            {
                DateTime dateTime => dateTime.ToString("O", CultureInfo.InvariantCulture),
                DateTimeOffset dateTimeOffset => dateTimeOffset.ToString("O", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? ""
            });
        }

        return composite.GetCompositePrefix() + string.Join(composite.GetCompositeSeparator(), parts);
    }
}
