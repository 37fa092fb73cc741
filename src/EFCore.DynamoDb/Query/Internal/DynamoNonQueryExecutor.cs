using System.Collections.Concurrent;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using EFCore.DynamoDb.Storage.Internal.Expressions;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     Runs <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>. When equalities name a full key, one <c>UpdateItem</c> or
///     <c>DeleteItem</c> carries the query's other predicates as its condition; otherwise the matching keys are read
///     and each item is written under the same condition, so an item changed meanwhile is left alone. An item whose
///     condition fails is not counted; updates never create items.
/// </summary>
public sealed class DynamoNonQueryExecutor(DynamoReadPlan keysRead, IReadOnlyList<DynamoSetter>? setters)
{
    // The item must still exist (an update never creates one) and still match the query: the same node for every
    // execution of the compiled query, rendered with each execution's parameter values.
    private readonly DynamoExpression _condition = DynamoConjunctionExpression.Of(
    [
        new DynamoAttributeExistsExpression(new DynamoPathExpression(keysRead.TableKeyAttributeNames[0]), exists: true),
        Combine(keysRead.AccessPlan.Filter, keysRead.AccessPlan.ClientFilter)
    ])!;

    // Unless a name is read from a parameter, or the condition compares with one or has an IN (the recording says so),
    // the write's text depends only on which setters' values are null (REMOVE rather than SET): it is recorded once per
    // such null pattern, with the value behind each of its placeholders, and each execution binds its own values by
    // that recording. A few patterns are kept, as a query has few in practice. Whether the text can be kept depends on
    // the query's shape alone: once a recording says it cannot, each execution renders its write in full, without one.
    private const int MaxTextsKept = 16;
    private readonly ConcurrentDictionary<ulong, RecordedWrite> _texts = new();
    private volatile bool _rendersEachExecution;

    /// <summary><see cref="Execute" />, for the compiled query to call.</summary>
    public static readonly MethodInfo ExecuteMethod = typeof(DynamoNonQueryExecutor).GetMethod(nameof(Execute))!;

    /// <summary><see cref="ExecuteAsync" />, for the compiled query to call.</summary>
    public static readonly MethodInfo ExecuteAsyncMethod = typeof(DynamoNonQueryExecutor).GetMethod(nameof(ExecuteAsync))!;

    /// <summary>
    ///     Runs the <c>ExecuteUpdate</c> or <c>ExecuteDelete</c> synchronously; returns the number of items written.
    /// </summary>
    public int Execute(DynamoQueryContext queryContext) => ExecuteAsync(queryContext).GetAwaiter().GetResult();

    /// <summary>
    ///     Runs the <c>ExecuteUpdate</c> or <c>ExecuteDelete</c>; returns the number of items written, those whose
    ///     condition failed not counted.
    /// </summary>
    public async Task<int> ExecuteAsync(DynamoQueryContext queryContext)
    {
        var cancellationToken = queryContext.CancellationToken;
        var plan = keysRead.AccessPlan;
        var entityType = keysRead.EntityType;
        var tableName = queryContext.TableNames.Resolve(entityType);
        var keyAttributes = keysRead.TableKeyAttributeNames;

        List<Dictionary<string, AttributeValue>> keys;
        if (NamesFullKey(plan))
        {
            keys = [FullKey(plan, queryContext.Parameters)];
        }
        else
        {
            var read = new List<Dictionary<string, AttributeValue>>();
            await foreach (var page in new DynamoPagedReader(keysRead, queryContext).ReadPagesAsync(null, cancellationToken).ConfigureAwait(false))
            {
                read.AddRange(page.Items.Select(item => keyAttributes.ToDictionary(a => a, a => item[a])));
            }

            keys = read;
        }

        if (keys.Count == 0)
        {
            return 0;
        }

        // Every item gets the same expressions and values, rendered once; only the key differs.
        var command = Render(queryContext.Parameters, tableName);
        var written = 0;
        // The context's strategy, as EF Core's own queries and saves use it: through the database facade, a new one would
        // also resolve the facade's services (the database creator and its table manager among them).
        var strategy = queryContext.ExecutionStrategy;
        for (var i = 0; i < keys.Count; i++)
        {
            try
            {
                // Each item write is retried on its own. A retry whose first attempt was applied but whose answer was lost
                // fails its condition when the write changed what the condition reads, and the item is then not counted.
                // The operation is static, given its state, so that no closure is allocated per execution. A condition that
                // fails is an answer inside it, not an operation's failure for the strategy to see.
                if (await strategy.ExecuteAsync(
                            (QueryContext: queryContext, Command: command with { Key = keys[i] }),
                            static (_, s, ct) => WriteAsync(s.QueryContext, s.Command, ct),
                            verifySucceeded: null,
                            cancellationToken)
                        .ConfigureAwait(false))
                {
                    written++;
                }
            }
            catch (Exception exception) when (exception is DynamoRequestFailedException || DynamoExecutionStrategy.IsTransient(exception))
            {
                // Each item is its own request: those written stay written, so the application is told how many. A
                // transient failure gets here when nothing retries it (a non-retrying strategy, or an outer operation's).
                var cause = exception is DynamoRequestFailedException ? exception.InnerException! : exception;
                throw new DbUpdateException(
                    DynamoStrings.BulkWriteFailed(
                        setters == null ? "ExecuteDelete" : "ExecuteUpdate", entityType.DisplayName(), tableName, written, cause.Message),
                    cause);
            }
        }

        return written;
    }

    // The key the equalities name: the partition key's, and the sort key's when the table has one.
    private static Dictionary<string, AttributeValue> FullKey(DynamoAccessPlan plan, IReadOnlyDictionary<string, object?> parameters)
    {
        var key = new Dictionary<string, AttributeValue>(2, StringComparer.Ordinal);
        foreach (var equality in plan.PartitionKeyConditions)
        {
            key.Add(equality.Attribute.AttributeName, DynamoExpressionRenderer.EvaluateKey(equality.Value, parameters));
        }

        if (plan.SortKeyConditions is [DynamoComparisonExpression sortKey])
        {
            key.Add(sortKey.Attribute.AttributeName, DynamoExpressionRenderer.EvaluateKey(sortKey.Value, parameters));
        }

        return key;
    }

    private static bool NamesFullKey(DynamoAccessPlan plan)
        => plan is { PartitionKeyConditions.Count: > 0, IndexName: null }
            && (plan.SortKeyProperty == null || plan.SortKeyConditions is [DynamoComparisonExpression { Operator: DynamoComparisonOperator.Equal }]);

    // The write of one execution, without its key.
    private DynamoWriteCommand Render(IReadOnlyDictionary<string, object?> parameters, string tableName)
    {
        if (_rendersEachExecution)
        {
            var renderer = new DynamoExpressionRenderer(new DynamoExpressionPlaceholders(), parameters);
            return RenderText(renderer, parameters, tableName, recorded: false) with { Values = renderer.Placeholders.Values };
        }

        var nullPattern = NullPattern(parameters);
        if (nullPattern is not { } pattern || !_texts.TryGetValue(pattern, out var write))
        {
            write = Record(parameters, tableName);
            if (!write.Values.HoldsForEveryExecution)
            {
                _rendersEachExecution = true;
            }
            else if (nullPattern != null && _texts.Count < MaxTextsKept)
            {
                _texts.TryAdd(nullPattern.Value, write);
            }
        }

        // The names are shared by the executions: nothing changes a command's names once it is made.
        return write.Text with { TableName = tableName, Values = write.Values.Bind(parameters) };
    }

    // A bit for each setter whose value is null; none when there are more setters than bits, whose texts are not kept.
    private ulong? NullPattern(IReadOnlyDictionary<string, object?> parameters)
    {
        if (setters is { Count: > 64 })
        {
            return null;
        }

        var nullPattern = 0UL;
        for (var i = 0; i < (setters?.Count ?? 0); i++)
        {
            if (setters![i].Operand?.Evaluate(parameters) == null)
            {
                nullPattern |= 1UL << i;
            }
        }

        return nullPattern;
    }

    // The write's text without its values, which are recorded in the order of their placeholders.
    private RecordedWrite Record(IReadOnlyDictionary<string, object?> parameters, string tableName)
    {
        var values = new DynamoValueRecording();
        return new RecordedWrite(RenderText(new DynamoExpressionRenderer(new DynamoExpressionPlaceholders(), parameters, values), parameters, tableName, recorded: true), values);
    }

    // The condition is rendered first, so its placeholders come first.
    private DynamoWriteCommand RenderText(
        DynamoExpressionRenderer renderer,
        IReadOnlyDictionary<string, object?> parameters,
        string tableName,
        bool recorded)
    {
        var conditionText = renderer.Render(_condition);
        return new DynamoWriteCommand(setters == null ? DynamoWriteCommandKind.Delete : DynamoWriteCommandKind.Update, tableName, Key: null)
        {
            UpdateExpression = setters == null ? null : RenderUpdate(renderer, parameters, recorded),
            ConditionExpression = conditionText,
            Names = renderer.Placeholders.Names
        };
    }

    private static async Task<bool> WriteAsync(DynamoQueryContext queryContext, DynamoWriteCommand command, CancellationToken cancellationToken)
    {
        try
        {
            await queryContext.Client.WriteAsync(command, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DynamoConditionFailedException)
        {
            return false;
        }
    }

    // SET #a = :v, #b = #c, #d = #d + :v; a null value removes the attribute.
    private string RenderUpdate(DynamoExpressionRenderer renderer, IReadOnlyDictionary<string, object?> parameters, bool recorded)
    {
        var actions = new DynamoUpdateAction[setters!.Count];
        for (var i = 0; i < actions.Length; i++)
        {
            actions[i] = ToAction(setters[i], parameters, recorded);
        }

        return renderer.Render(new DynamoUpdateExpression(actions));
    }

    // Whether the value is null shapes the action. A recorded text keeps the value's node, for the recording to bind; a
    // text for this execution alone writes the value already evaluated, so that it is not converted twice.
    private static DynamoUpdateAction ToAction(DynamoSetter setter, IReadOnlyDictionary<string, object?> parameters, bool recorded)
    {
        var value = setter.Operand?.Evaluate(parameters) is { } evaluated
            ? recorded ? setter.Operand : DynamoValueExpression.Stored(evaluated)
            : null;
        if (setter.Source == null)
        {
            return value == null ? new DynamoRemoveAction(setter.Target) : new DynamoSetAction(setter.Target, value);
        }

        return new DynamoSetAction(setter.Target, value == null ? setter.Source : new DynamoArithmeticExpression(setter.Source, setter.Subtract, value));
    }

    // A write's text, for the executions of one null pattern, and the values they bind to its placeholders.
    private sealed record RecordedWrite(DynamoWriteCommand Text, DynamoValueRecording Values);

    private static DynamoExpression? Combine(DynamoExpression? left, DynamoExpression? right)
        => left == null ? right : right == null ? left : new DynamoLogicalExpression(left, isAnd: true, right);
}
