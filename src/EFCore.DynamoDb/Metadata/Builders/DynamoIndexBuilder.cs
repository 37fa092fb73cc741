using EFCore.DynamoDb.Metadata.Internal;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore.Metadata.Builders;

/// <summary>
///     Configures a DynamoDB secondary index, returned by <c>HasGlobalSecondaryIndex</c> and <c>HasLocalSecondaryIndex</c>.
/// </summary>
public class DynamoIndexBuilder
{
    /// <summary>Creates a builder for an index already marked as a DynamoDB secondary index.</summary>
    /// <param name="index">The EF index to configure.</param>
    public DynamoIndexBuilder(IMutableIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        Metadata = index;
    }

    /// <summary>The EF index being configured.</summary>
    public virtual IMutableIndex Metadata { get; }

    /// <summary>Copies every attribute into the index (the default).</summary>
    public virtual DynamoIndexBuilder ProjectsAll()
    {
        Metadata.SetProjection(DynamoProjectionType.All);
        return this;
    }

    /// <summary>Copies only the table's and the index's key attributes into the index.</summary>
    public virtual DynamoIndexBuilder ProjectsKeysOnly()
    {
        Metadata.SetProjection(DynamoProjectionType.KeysOnly);
        return this;
    }

    /// <summary>Copies the key attributes and the attributes of these properties into the index.</summary>
    public virtual DynamoIndexBuilder ProjectsInclude(params string[] propertyNames)
    {
        ArgumentNullException.ThrowIfNull(propertyNames);
        ArgumentOutOfRangeException.ThrowIfZero(propertyNames.Length, nameof(propertyNames));
        foreach (var propertyName in propertyNames)
        {
            DynamoIndexProperties.Find(Metadata.DeclaringEntityType, Metadata.Name!, propertyName);
        }

        Metadata.SetProjection(DynamoProjectionType.Include, propertyNames);
        return this;
    }

    /// <summary>
    ///     The read and write capacity of a global secondary index on a provisioned table. Without it, the index gets
    ///     the table's throughput.
    /// </summary>
    public virtual DynamoIndexBuilder HasProvisionedThroughput(long readCapacityUnits, long writeCapacityUnits)
    {
        if (Metadata.GetDynamoIndexKind() == DynamoIndexKind.Local)
        {
            throw new InvalidOperationException(
                DynamoStrings.LocalIndexThroughput(Metadata.DeclaringEntityType.DisplayName(), Metadata.Name));
        }

        Metadata.SetProvisionedThroughput(DynamoThroughputAnnotations.Create(readCapacityUnits, writeCapacityUnits));
        return this;
    }
}
