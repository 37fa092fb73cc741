using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>Names of <see cref="DynamoScalarType" /> values in DynamoDB's own vocabulary.</summary>
public static class DynamoScalarTypeExtensions
{
    /// <summary>The type code DynamoDB uses in key schemas and documentation: S, N, B, BOOL, SS, NS, BS, L or M.</summary>
    public static string ToAttributeTypeCode(this DynamoScalarType type)
        => type switch
        {
            DynamoScalarType.String => "S",
            DynamoScalarType.Number => "N",
            DynamoScalarType.Binary => "B",
            DynamoScalarType.Boolean => "BOOL",
            DynamoScalarType.StringSet => "SS",
            DynamoScalarType.NumberSet => "NS",
            DynamoScalarType.BinarySet => "BS",
            DynamoScalarType.List => "L",
            _ => "M"
        };

    /// <summary>Whether the type can be a key attribute: only S, N and B can.</summary>
    public static bool IsKeyType(this DynamoScalarType type)
        => type is DynamoScalarType.String or DynamoScalarType.Number or DynamoScalarType.Binary;

    /// <summary>The set type for elements of a scalar type, or <see langword="null" /> when DynamoDB has no such set.</summary>
    public static DynamoScalarType? ToSetType(this DynamoScalarType elementType)
        => elementType switch
        {
            DynamoScalarType.String => DynamoScalarType.StringSet,
            DynamoScalarType.Number => DynamoScalarType.NumberSet,
            DynamoScalarType.Binary => DynamoScalarType.BinarySet,
            _ => null
        };

    /// <summary>Names the type of an attribute value, for error messages; never its content.</summary>
    public static string Describe(this AttributeValue value)
        => value.S != null ? "S"
            : value.N != null ? "N"
            : value.B != null ? "B"
            : value.BOOL != null ? "BOOL"
            : value.NULL == true ? "NULL"
            : value.SS is { Count: > 0 } ? "SS"
            : value.NS is { Count: > 0 } ? "NS"
            : value.BS is { Count: > 0 } ? "BS"
            : value.M != null ? "M"
            : value.L != null ? "L"
            : "unknown";
}
