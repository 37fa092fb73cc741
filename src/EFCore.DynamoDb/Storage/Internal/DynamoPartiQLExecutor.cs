using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Runs a PartiQL statement that writes (<c>ExecutePartiQL</c>) under the execution strategy, retried only when
///     DynamoDB surely did not apply it: its values as parameters, its tables with the context's prefix. DynamoDB returns no count for a write statement, and each one
///     writes at most one item (an <c>UPDATE</c> or <c>DELETE</c> names a full key): the count is the number of items the
///     statement returned when it has <c>RETURNING</c>, otherwise 1 for a statement that succeeded.
/// </summary>
public sealed class DynamoPartiQLExecutor(
    IDynamoClientWrapper client,
    IDynamoTableNameResolver tableNames,
    ITypeMappingSource mappings,
    IExecutionStrategy executionStrategy)
{
    /// <summary>Sends <paramref name="statement" />; returns the number of items it wrote, as described above.</summary>
    public async Task<int> ExecuteAsync(FormattableString statement, CancellationToken cancellationToken)
    {
        var (parsed, values) = DynamoPartiQLStatement.Parse(statement);
        var text = parsed.Render(tableNames);
        if (DynamoPartiQLComposition.StartsWith(text, "SELECT"))
        {
            throw new InvalidOperationException(DynamoStrings.PartiQLSelectExecuted(parsed.Template));
        }

        // Converted before anything is sent, so a value that cannot be stored fails without a request.
        var parameters = DynamoPartiQLValues.ToParameters(parsed, values, mappings);
        var table = parsed.Tables.FirstOrDefault() is { } entityType ? tableNames.Resolve(entityType) : "";
        try
        {
            var returned = await executionStrategy.ExecuteAsync(
                    ct => SendAsync(table, text, parameters, ct), cancellationToken)
                .ConfigureAwait(false);
            return DynamoPartiQLComposition.Contains(text, "RETURNING") ? returned.Count : 1;
        }
        catch (DynamoConditionFailedException exception)
        {
            throw new DbUpdateException(DynamoStrings.PartiQLConditionFailed(text), exception.InnerException);
        }
        catch (DynamoRequestFailedException exception) when (DynamoTransportFailures.MayHaveBeenApplied(exception.InnerException!))
        {
            throw new DbUpdateException(DynamoStrings.PartiQLOutcomeUnknown(text, exception.Message), exception.InnerException);
        }
        catch (DynamoRequestFailedException exception)
        {
            throw new DbUpdateException(DynamoStrings.PartiQLStatementFailed(text, exception.Message), exception.InnerException);
        }
    }

    // A statement may not be idempotent (SET n = n + 1): after a failure that may have applied it, sending it again could
    // write twice, so the execution strategy retries only what DynamoDB surely refused (throttling); the rest says the
    // outcome is unknown. That failure leaves the strategy as an exception it never retries: not a DbUpdateException,
    // whose inner exception the strategy would judge, and find transient.
    private async Task<List<Dictionary<string, AttributeValue>>> SendAsync(
        string table,
        string text,
        List<AttributeValue> parameters,
        CancellationToken cancellationToken)
    {
        try
        {
            return await client.WriteStatementAsync(table, text, parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (DynamoTransportFailures.MayHaveBeenApplied(exception))
        {
            throw new DynamoRequestFailedException(exception);
        }
    }
}
