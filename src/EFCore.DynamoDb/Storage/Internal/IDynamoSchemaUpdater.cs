namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>Brings existing tables in line with the model (see <see cref="DynamoSchemaPlanner" />).</summary>
public interface IDynamoSchemaUpdater
{
    /// <summary>Plans the changes and, unless <paramref name="dryRun" />, makes them in order; returns them either way.</summary>
    Task<IReadOnlyList<DynamoSchemaChange>> UpdateAsync(bool dryRun, CancellationToken cancellationToken);
}
