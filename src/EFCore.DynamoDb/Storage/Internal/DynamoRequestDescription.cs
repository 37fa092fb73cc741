using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>What a request is, for the log: operation, target and expression text (placeholders only).</summary>
public sealed record DynamoRequestDescription(
    string Operation,
    string TableName,
    string? IndexName,
    string Expressions,
    IReadOnlyDictionary<string, AttributeValue>? Values = null)
{
    /// <summary>The placeholder values, for sensitive data logging only.</summary>
    public string? FormatValues()
        => Values is { Count: > 0 }
            ? string.Join(", ", Values.Select(pair => pair.Key + "=" + DynamoAttributeValueFormatter.Format(pair.Value)))
            : null;
}
