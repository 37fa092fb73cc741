namespace EFCore.DynamoDb.Query.Internal;

/// <summary>The filter operations of Flywheel's allowed-filter table, by the names Flywheel gives them.</summary>
public enum DynamoFilterOperator
{
    Eq,
    Ne,
    Lt,
    Lte,
    Gt,
    Gte,
    In,
    Between,
    BeginsWith,
    Contains,
    NContains
}
