// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>The kinds of change <c>UpdateDynamoSchema</c> makes to existing tables (or creates missing ones).</summary>
public enum DynamoSchemaChangeKind
{
    /// <summary>A missing table was created, with its indexes and time to live.</summary>
    CreateTable,

    /// <summary>A global secondary index the model has was added to the table.</summary>
    AddGlobalSecondaryIndex,

    /// <summary>The table switched between on-demand and provisioned billing.</summary>
    ChangeBillingMode,

    /// <summary>The provisioned throughput of the table, or of one of its global secondary indexes, changed.</summary>
    ChangeThroughput,

    /// <summary>Time to live was enabled on the model's time-to-live attribute.</summary>
    EnableTimeToLive
}
