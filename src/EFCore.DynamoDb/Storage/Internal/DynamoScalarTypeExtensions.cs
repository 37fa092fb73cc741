using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

public static class DynamoScalarTypeExtensions
{
    /// <summary>The type code DynamoDB uses in key schemas and documentation: S, N, B or BOOL.</summary>
    public static string ToAttributeTypeCode(this DynamoScalarType type)
        => type switch
        {
            DynamoScalarType.String => "S",
            DynamoScalarType.Number => "N",
            DynamoScalarType.Binary => "B",
            _ => "BOOL"
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
