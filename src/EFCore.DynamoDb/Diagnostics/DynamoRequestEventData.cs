// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Diagnostics;

/// <summary>The payload of <see cref="DynamoDbEventId.RequestExecuted" /> and <see cref="DynamoDbEventId.RequestFailed" />.</summary>
public class DynamoRequestEventData(
    EventDefinitionBase eventDefinition,
    Func<EventDefinitionBase, EventData, string> messageGenerator,
    string operation,
    string tableName,
    string? indexName,
    string expressions,
    string? parameters,
    double? consumedCapacity,
    TimeSpan elapsed,
    Exception? exception)
    : EventData(eventDefinition, messageGenerator)
{
    /// <summary>The DynamoDB operation, such as <c>GetItem</c> or <c>Query</c>.</summary>
    public virtual string Operation { get; } = operation;

    /// <summary>The physical table name, prefix included.</summary>
    public virtual string TableName { get; } = tableName;

    /// <summary>The secondary index the request read, if any.</summary>
    public virtual string? IndexName { get; } = indexName;

    /// <summary>The request's expressions, with placeholders (<c>#n0</c>, <c>:v0</c>) only.</summary>
    public virtual string Expressions { get; } = expressions;

    /// <summary>The placeholder values; present only when sensitive data logging is enabled.</summary>
    public virtual string? Parameters { get; } = parameters;

    /// <summary>The capacity units the request consumed, as DynamoDB reported them.</summary>
    public virtual double? ConsumedCapacity { get; } = consumedCapacity;

    /// <summary>How long the request took, retries by the AWS SDK included.</summary>
    public virtual TimeSpan Elapsed { get; } = elapsed;

    /// <summary>The failure, for <see cref="DynamoDbEventId.RequestFailed" />.</summary>
    public virtual Exception? Exception { get; } = exception;
}
