// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>What the provider does when a query can only be answered by scanning a whole table.</summary>
public enum ScanBehavior
{
    /// <summary>Scan silently.</summary>
    Allow,

    /// <summary>Scan, and log <c>DynamoDbEventId.ScanWarning</c> naming the query (the default).</summary>
    Warn,

    /// <summary>Refuse the query unless it calls <c>AllowScan()</c> or <c>WithParallelScan()</c>.</summary>
    Throw
}
