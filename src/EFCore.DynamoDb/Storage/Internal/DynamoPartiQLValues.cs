using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Converts the values of a PartiQL statement's holes to its parameters, each with the provider's mapping of its CLR
///     type (so a date is the epoch number a property of that type stores); an <see cref="AttributeValue" /> is sent as it
///     is, and <see langword="null" /> as PartiQL's NULL.
/// </summary>
public static class DynamoPartiQLValues
{
    /// <summary>The parameters of <paramref name="statement" /> for <paramref name="values" />.</summary>
    public static List<AttributeValue> ToParameters(DynamoPartiQLStatement statement, IReadOnlyList<object?> values, ITypeMappingSource mappings)
        => values.Select((value, index) => ToParameter(statement, index, value, mappings)).ToList();

    private static AttributeValue ToParameter(DynamoPartiQLStatement statement, int index, object? value, ITypeMappingSource mappings)
    {
        if (value is null or AttributeValue)
        {
            return value as AttributeValue ?? new AttributeValue { NULL = true };
        }

        if (mappings.FindMapping(value.GetType()) is not DynamoTypeMapping mapping)
        {
            throw new InvalidOperationException(DynamoStrings.PartiQLValueNotSupported(index + 1, value.GetType().ShortDisplayName(), statement.Template));
        }

        try
        {
            // A value DynamoDB stores as an absent attribute (an empty set) is sent as NULL.
            return mapping.ToAttributeValue(value) ?? new AttributeValue { NULL = true };
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidCastException or FormatException or OverflowException)
        {
            throw new InvalidOperationException(
                DynamoStrings.PartiQLValueNotStorable(index + 1, statement.Template, exception.Message), exception);
        }
    }
}
