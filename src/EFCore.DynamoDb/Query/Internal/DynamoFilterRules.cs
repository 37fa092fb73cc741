using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Flywheel's allowed filters by DynamoDB type: numbers are compared, ranged and matched against lists of values;
///     strings and binary values too, and also by prefix (strings also by substring, which DynamoDB supports);
///     sets and lists are searched for an element; booleans and maps are only equal or not; and every type can be
///     compared with null. A whole set, list or map also compares equal to a value of its own type.
/// </summary>
public static class DynamoFilterRules
{
    private static readonly DynamoFilterOperator[] Ordered =
    [
        DynamoFilterOperator.Eq, DynamoFilterOperator.Ne, DynamoFilterOperator.Lt, DynamoFilterOperator.Lte,
        DynamoFilterOperator.Gt, DynamoFilterOperator.Gte, DynamoFilterOperator.In, DynamoFilterOperator.Between
    ];

    private static readonly DynamoFilterOperator[] EqualityOnly = [DynamoFilterOperator.Eq, DynamoFilterOperator.Ne];

    private static readonly DynamoFilterOperator[] Searched =
        [DynamoFilterOperator.Eq, DynamoFilterOperator.Ne, DynamoFilterOperator.Contains, DynamoFilterOperator.NContains];

    /// <summary>The operations allowed on a DynamoDB type.</summary>
    public static IReadOnlyList<DynamoFilterOperator> Allowed(DynamoScalarType type)
        => type switch
        {
            DynamoScalarType.Number => Ordered,
            DynamoScalarType.String => [.. Ordered, DynamoFilterOperator.BeginsWith, DynamoFilterOperator.Contains],
            DynamoScalarType.Binary => [.. Ordered, DynamoFilterOperator.BeginsWith],
            DynamoScalarType.StringSet or DynamoScalarType.NumberSet or DynamoScalarType.BinarySet or DynamoScalarType.List => Searched,
            _ => EqualityOnly
        };

    /// <summary>Why <paramref name="op" /> cannot filter <paramref name="attribute" />, or <see langword="null" /> when it can.</summary>
    public static string? Check(DynamoAttributeExpression attribute, DynamoFilterOperator op)
        => Allowed(attribute.DynamoType) is var allowed && allowed.Contains(op)
            ? null
            : DynamoStrings.FilterNotAllowed(
                Name(op),
                attribute.DisplayName,
                attribute.DynamoType.ToAttributeTypeCode(),
                string.Join(", ", allowed.Select(Name)));

    /// <summary>The operation a comparison operator performs.</summary>
    public static DynamoFilterOperator Of(DynamoComparisonOperator op)
        => op switch
        {
            DynamoComparisonOperator.Equal => DynamoFilterOperator.Eq,
            DynamoComparisonOperator.NotEqual => DynamoFilterOperator.Ne,
            DynamoComparisonOperator.LessThan => DynamoFilterOperator.Lt,
            DynamoComparisonOperator.LessThanOrEqual => DynamoFilterOperator.Lte,
            DynamoComparisonOperator.GreaterThan => DynamoFilterOperator.Gt,
            _ => DynamoFilterOperator.Gte
        };

    private static string Name(DynamoFilterOperator op) => op.ToString().ToLowerInvariant();
}
