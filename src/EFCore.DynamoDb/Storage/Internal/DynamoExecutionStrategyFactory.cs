using EFCore.DynamoDb.Infrastructure.Internal;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>Creates the configured execution strategy: by default a retrying <see cref="DynamoExecutionStrategy" />.</summary>
public class DynamoExecutionStrategyFactory(ExecutionStrategyDependencies dependencies) : IExecutionStrategyFactory
{
    private readonly Func<ExecutionStrategyDependencies, IExecutionStrategy> _create
        = dependencies.Options.FindExtension<DynamoDbOptionsExtension>()?.ExecutionStrategyFactory
        ?? (d => new DynamoExecutionStrategy(d));

    /// <inheritdoc />
    public virtual IExecutionStrategy Create() => _create(dependencies);
}
