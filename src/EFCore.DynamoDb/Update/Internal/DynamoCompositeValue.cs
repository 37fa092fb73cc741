namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     Computes a composite's value: the custom merge over the entity when there is one, otherwise the components'
///     invariant text joined with the separator. A null component makes the whole composite null (no attribute).
/// </summary>
public static class DynamoCompositeValue
{
    public static object? Compute(IReadOnlyProperty composite, object entity, Func<IReadOnlyProperty, object?> readComponent)
    {
        if (composite.GetCompositeMerge() is { } merge)
        {
            return merge(entity);
        }

        var componentNames = composite.GetCompositeComponentNames();
        var parts = new string[componentNames.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            var value = readComponent(composite.DeclaringType.FindProperty(componentNames[i])!);
            if (value == null)
            {
                return null;
            }

            parts[i] = value switch
            {
                DateTime dateTime => dateTime.ToString("O", CultureInfo.InvariantCulture),
                DateTimeOffset dateTimeOffset => dateTimeOffset.ToString("O", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? ""
            };
        }

        return string.Join(composite.GetCompositeSeparator(), parts);
    }
}
