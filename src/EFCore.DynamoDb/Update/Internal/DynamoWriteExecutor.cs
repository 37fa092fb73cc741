using System.Collections;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Diagnostics.Internal;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     Sends the writes of one <c>SaveChanges</c>. Atomically (unless <see cref="AutoTransactionBehavior.Never" />): one
///     write alone, several as one <c>TransactWriteItems</c> when they fit (at most 100 items and 4 MB); beyond that,
///     <see cref="AutoTransactionBehavior.WhenNeeded" /> sends consecutive transactions that fit, each atomic, and
///     <see cref="AutoTransactionBehavior.Always" /> refuses the save before anything is sent. A transaction carries a
///     client request token that its retries reuse, so it is applied once; a lone increment is therefore sent as a
///     transaction of one. Without a transaction: unconditional puts and deletes in <c>BatchWriteItem</c>s of 25,
///     unprocessed items sent again with backoff until every one is written, and conditional writes one by one —
///     opting out of the transaction never opts out of the conditions.
/// </summary>
public class DynamoWriteExecutor(
    IDynamoClientWrapper client,
    DynamoSaveAttempts attempts,
    IDiagnosticsLogger<DbLoggerCategory.Update> logger) : IDynamoWriteExecutor
{
    /// <summary>The most writes one <c>TransactWriteItems</c> holds.</summary>
    public const int MaxTransactionItems = 100;
    /// <summary>The most bytes one <c>TransactWriteItems</c> holds, its items counted by DynamoDB's item size rules.</summary>
    public const long MaxTransactionBytes = 4 * 1024 * 1024;
    /// <summary>The most puts and deletes one <c>BatchWriteItem</c> holds.</summary>
    public const int MaxBatchItems = DynamoWriteCommandRequests.MaxBatchWriteRequests;

    /// <inheritdoc />
    public virtual async Task ExecuteAsync(
        IReadOnlyList<DynamoWrite> writes,
        AutoTransactionBehavior behavior,
        ICollection<DynamoWrite> written,
        CancellationToken cancellationToken)
    {
        var toSend = WithoutNoOps(writes, written);
        if (behavior == AutoTransactionBehavior.Never)
        {
            await SendIndividuallyAsync(toSend, written, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (toSend is [{ HasIncrement: false } alone])
        {
            await SendAloneAsync(alone, cancellationToken).ConfigureAwait(false);
            written.Add(alone);
            return;
        }

        var transactions = SplitIntoTransactions(toSend);
        if (transactions.Count > 1)
        {
            if (behavior == AutoTransactionBehavior.Always)
            {
                throw new InvalidOperationException(
                    DynamoStrings.TransactionTooLarge(toSend.Count, toSend.Sum(SizeOf), MaxTransactionItems, MaxTransactionBytes));
            }

            logger.SaveSplitWarning(toSend.Count, transactions.Count);
        }

        foreach (var transaction in transactions)
        {
            await SendTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
            foreach (var write in transaction)
            {
                written.Add(write);
            }
        }
    }

    // An update that sets nothing and checks nothing is not sent: DynamoDB would create a key-only item in place of one
    // deleted meanwhile. It counts as written. Most saves have none, and then send the writes as planned.
    private static IReadOnlyList<DynamoWrite> WithoutNoOps(IReadOnlyList<DynamoWrite> writes, ICollection<DynamoWrite> written)
    {
        List<DynamoWrite>? toSend = null;
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            if (write.Command is { Kind: DynamoWriteCommandKind.ConditionCheck, ConditionExpression: null })
            {
                toSend ??= [.. writes.Take(i)];
                written.Add(write);
            }
            else
            {
                toSend?.Add(write);
            }
        }

        return toSend ?? writes;
    }

    private static long SizeOf(DynamoWrite write)
        => (write.ItemSize ?? DynamoItemSize.Of(write.Command.Item ?? write.Command.Key!))
            + (write.Command.Values == null ? 0 : DynamoItemSize.Of(write.Command.Values));

    // Consecutive writes, in the order EF Core gave, as many in each transaction as DynamoDB allows; writes that fit in
    // one transaction are sent as they are.
    private static List<IReadOnlyList<DynamoWrite>> SplitIntoTransactions(IReadOnlyList<DynamoWrite> writes)
    {
        var transactions = new List<IReadOnlyList<DynamoWrite>>(1);
        var start = 0;
        var size = 0L;
        for (var i = 0; i < writes.Count; i++)
        {
            var writeSize = SizeOf(writes[i]);
            if (i - start == MaxTransactionItems || (i > start && size + writeSize > MaxTransactionBytes))
            {
                transactions.Add(Range(writes, start, i));
                start = i;
                size = 0;
            }

            size += writeSize;
        }

        transactions.Add(Range(writes, start, writes.Count));
        return transactions;
    }

    private static IReadOnlyList<DynamoWrite> Range(IReadOnlyList<DynamoWrite> writes, int start, int end)
        => start == 0 && end == writes.Count ? writes : [.. writes.Skip(start).Take(end - start)];

    private async Task SendTransactionAsync(IReadOnlyList<DynamoWrite> writes, CancellationToken cancellationToken)
    {
        try
        {
            await client.WriteTransactionAsync(new WriteCommands(writes), attempts.TokenFor(writes), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DynamoConditionFailedException exception)
        {
            throw ConditionFailed(exception.FailedCommands.Select(i => writes[i]).ToList(), exception);
        }
        catch (DynamoRequestFailedException exception)
        {
            throw WriteFailed(writes, exception);
        }

        await ReadBackAtomicResultsAsync(writes, cancellationToken).ConfigureAwait(false);
    }

    // A transaction returns no values: the results of atomic operations are read back. The transaction has committed,
    // so a failure here must not be retried by the execution strategy, which would apply the operations a second time;
    // it is not a DbUpdateException either, because strategies look through those at the inner exception.
    private async Task ReadBackAtomicResultsAsync(IReadOnlyList<DynamoWrite> writes, CancellationToken cancellationToken)
    {
        // An indexed loop: a foreach over the list's interface would allocate an enumerator per transaction.
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            if (write.AtomicProperties.Count == 0)
            {
                continue;
            }

            try
            {
                var item = await client.ReadBackAsync(
                        write.Command.TableName, write.Command.Key!, write.AtomicProperties.Select(p => p.GetAttributeName()).ToList(), cancellationToken)
                    .ConfigureAwait(false);
                ApplyAtomicResults(write, item);
            }
            catch (DynamoRequestFailedException exception)
            {
                throw new InvalidOperationException(
                    DynamoStrings.AtomicReadBackFailed(write.Entry.EntityType.DisplayName(), write.Command.TableName, exception.Message),
                    exception.InnerException);
            }
        }
    }

    // Conditional writes go one by one, first; the unconditional puts and deletes after them, in batches.
    private async Task SendIndividuallyAsync(IReadOnlyList<DynamoWrite> writes, ICollection<DynamoWrite> written, CancellationToken cancellationToken)
    {
        // The batches are views of this array, not copies; an indexed loop, since a foreach over the list's interface
        // allocates an enumerator.
        var batchable = new DynamoWrite[writes.Count];
        var batchableCount = 0;
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            if (write.Command is { ConditionExpression: null, Kind: DynamoWriteCommandKind.Put or DynamoWriteCommandKind.Delete })
            {
                batchable[batchableCount++] = write;
                continue;
            }

            await SendAloneAsync(write, cancellationToken).ConfigureAwait(false);
            written.Add(write);
        }

        for (var start = 0; start < batchableCount; start += MaxBatchItems)
        {
            var batch = new ArraySegment<DynamoWrite>(batchable, start, Math.Min(MaxBatchItems, batchableCount - start));
            await SendBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            foreach (var write in batch)
            {
                written.Add(write);
            }
        }
    }

    private async Task SendBatchAsync(ArraySegment<DynamoWrite> batch, CancellationToken cancellationToken)
    {
        try
        {
            await client.WriteBatchAsync(new WriteCommands(batch), cancellationToken).ConfigureAwait(false);
        }
        catch (DynamoRequestFailedException exception)
        {
            throw WriteFailed(batch, exception);
        }
        catch (DynamoUnprocessedItemsException exception)
        {
            throw new DbUpdateException(exception.Message, exception, [.. batch.Select(static w => w.Entry)]);
        }
    }

    private async Task SendAloneAsync(DynamoWrite write, CancellationToken cancellationToken)
    {
        // A single write has no request token. When an earlier attempt of this save sent it and lost the answer, a
        // condition it now fails may be failing against that write itself: the stored item tells.
        var retry = write.Command.ConditionExpression != null && attempts.RecordSent(write);
        try
        {
            var command = retry ? write.Command with { ReturnStoredItemOnConditionFailure = true } : write.Command;
            ApplyAtomicResults(write, await client.WriteAsync(command, cancellationToken).ConfigureAwait(false));
        }
        catch (DynamoConditionFailedException exception) when (retry && HoldsWhatWasWritten(write, exception.StoredItem))
        {
            ApplyAtomicResults(write, exception.StoredItem);
        }
        catch (DynamoConditionFailedException exception)
        {
            throw ConditionFailed([write], exception);
        }
        catch (DynamoRequestFailedException exception)
        {
            throw WriteFailed([write], exception);
        }
    }

    // Whether the stored item is what the write made of it: the item it put, the attributes it set and removed, or
    // no item after a delete.
    private static bool HoldsWhatWasWritten(DynamoWrite write, Dictionary<string, AttributeValue>? stored)
        => write.Command.Kind switch
        {
            DynamoWriteCommandKind.Put => stored != null && DynamoAttributeValueEquality.AreEqual(stored, write.Command.Item!),
            DynamoWriteCommandKind.Update or DynamoWriteCommandKind.ConditionCheck => stored != null
                && write.Assignments.Count > 0
                && write.Assignments.All(a => a.Value == null
                    ? !stored.ContainsKey(a.Key)
                    : stored.TryGetValue(a.Key, out var value) && DynamoAttributeValueEquality.AreEqual(value, a.Value)),
            _ => stored is null or { Count: 0 }
        };

    // After an atomic operation the property holds the value DynamoDB computed, concurrent operations included.
    private static void ApplyAtomicResults(DynamoWrite write, Dictionary<string, AttributeValue>? attributes)
    {
        foreach (var property in write.AtomicProperties)
        {
            if (attributes?.TryGetValue(property.GetAttributeName(), out var value) == true)
            {
                write.Entry.ToEntityEntry().Property(property.Name).CurrentValue
                    = ((DynamoTypeMapping)property.GetTypeMapping()).FromAttributeValue(value);
            }
        }
    }

    // DynamoDB refused the request itself (a missing table, an invalid item): the error names the first entity. The
    // SDK's exception stays the inner one, for applications that look at DynamoDB's error code.
    private static DbUpdateException WriteFailed(IReadOnlyList<DynamoWrite> writes, DynamoRequestFailedException exception)
        => new(
            DynamoStrings.WriteFailed(writes[0].Entry.EntityType.DisplayName(), writes[0].Command.TableName, exception.Message),
            exception.InnerException,
            [.. writes.Select(static w => w.Entry)]);

    // An insert without SaveOnlyIf conditions only requires its key to be free, so when only such inserts failed the
    // keys were taken; any other failed condition means a stored item is not what this save required.
    private static DbUpdateException ConditionFailed(List<DynamoWrite> failed, DynamoConditionFailedException exception)
    {
        var first = failed[0];
        var entityType = first.Entry.EntityType.DisplayName();
        var entries = failed.Select(w => w.Entry).ToList();
        return failed.All(w => w.Command.Kind == DynamoWriteCommandKind.Put && !w.HasSaveConditions)
            ? new DbUpdateException(DynamoStrings.DuplicateKey(entityType, first.Command.TableName), exception.InnerException, entries)
            : new DbUpdateConcurrencyException(DynamoConflictMessages.ConditionFailed(first), exception.InnerException, entries);
    }

    // The commands of the writes, read through without copying them into a list of their own.
    private sealed class WriteCommands(IReadOnlyList<DynamoWrite> writes) : IReadOnlyList<DynamoWriteCommand>
    {
        public int Count => writes.Count;

        public DynamoWriteCommand this[int index] => writes[index].Command;

        public IEnumerator<DynamoWriteCommand> GetEnumerator() => writes.Select(w => w.Command).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
