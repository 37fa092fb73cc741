// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Metadata;

/// <summary>Which attributes a DynamoDB secondary index copies from the table.</summary>
public enum DynamoProjectionType
{
    /// <summary>Every attribute (the default).</summary>
    All,

    /// <summary>Only the table's and the index's key attributes.</summary>
    KeysOnly,

    /// <summary>The key attributes and the chosen non-key attributes.</summary>
    Include
}
