using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     One read, as Query hands it to the wire: the operation, its target and its rendered expressions (placeholders
///     only, with the names and values maps). Paging changes only <see cref="Limit" />, <see cref="StartKey" /> (<see cref="NextToken" /> for a statement) and,
///     for <c>BatchGetItem</c>, <see cref="Keys" />: each page is read by a copy made with <c>with</c>.
/// </summary>
public sealed record DynamoReadCommand(DynamoReadOperation Operation, string TableName)
{
    /// <summary>The secondary index a Query or Scan reads, or <see langword="null" /> for the table.</summary>
    public string? IndexName { get; init; }

    /// <summary>For <c>GetItem</c>: the full primary key.</summary>
    public Dictionary<string, AttributeValue>? Key { get; init; }

    /// <summary>For <c>BatchGetItem</c>: the full primary keys still to read.</summary>
    public IReadOnlyList<Dictionary<string, AttributeValue>>? Keys { get; init; }

    /// <summary>For a Query: the key condition expression.</summary>
    public string? KeyCondition { get; init; }

    /// <summary>For a Query or Scan: the filter expression.</summary>
    public string? Filter { get; init; }

    /// <summary>The attributes to return, or <see langword="null" /> for whole items.</summary>
    public string? Projection { get; init; }

    /// <summary>The attribute-name placeholders of the expressions.</summary>
    public Dictionary<string, string>? Names { get; init; }

    /// <summary>The value placeholders of the expressions.</summary>
    public Dictionary<string, AttributeValue>? Values { get; init; }

    /// <summary>For a Query or Scan: the most items DynamoDB evaluates for the page.</summary>
    public int? Limit { get; init; }

    /// <summary>For a Query: whether the sort key is read ascending.</summary>
    public bool ScanForward { get; init; } = true;

    /// <summary>Whether the read is strongly consistent.</summary>
    public bool ConsistentRead { get; init; }

    /// <summary>For a Query or Scan: return the number of matches only (<c>Select=COUNT</c>).</summary>
    public bool CountOnly { get; init; }

    /// <summary>For a Query or Scan: the key to resume after.</summary>
    public Dictionary<string, AttributeValue>? StartKey { get; init; }

    /// <summary>For a parallel Scan: this command's segment and the number of segments.</summary>
    public (int Segment, int TotalSegments)? Segment { get; init; }

    /// <summary>For <c>ExecuteStatement</c>: the PartiQL text, its values as <c>?</c>.</summary>
    public string? Statement { get; init; }

    /// <summary>For <c>ExecuteStatement</c>: the values of the statement's <c>?</c>, in order.</summary>
    public List<AttributeValue>? Parameters { get; init; }

    /// <summary>For <c>ExecuteStatement</c>: the token DynamoDB returned to read the next page.</summary>
    public string? NextToken { get; init; }
}
