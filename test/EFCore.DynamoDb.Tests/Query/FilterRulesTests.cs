using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Tests.Query;

/// <summary>Flywheel's allowed filters by type.</summary>
public class FilterRulesTests
{
    [Theory]
    [InlineData(DynamoScalarType.Number, "eq ne lt lte gt gte in between")]
    [InlineData(DynamoScalarType.String, "eq ne lt lte gt gte in between beginswith contains")]
    [InlineData(DynamoScalarType.Binary, "eq ne lt lte gt gte in between beginswith")]
    [InlineData(DynamoScalarType.StringSet, "eq ne contains ncontains")]
    [InlineData(DynamoScalarType.NumberSet, "eq ne contains ncontains")]
    [InlineData(DynamoScalarType.BinarySet, "eq ne contains ncontains")]
    [InlineData(DynamoScalarType.List, "eq ne contains ncontains")]
    [InlineData(DynamoScalarType.Map, "eq ne")]
    [InlineData(DynamoScalarType.Boolean, "eq ne")]
    public void Allowed_filters_by_type(DynamoScalarType type, string allowed)
        => Assert.Equal(allowed, string.Join(" ", DynamoFilterRules.Allowed(type).Select(op => op.ToString().ToLowerInvariant())));
}
