using System.Security.Cryptography;
using System.Text;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Update.Internal;

/// <summary>
///     What the attempts of one <c>SaveChanges</c> sent, kept in the context from one attempt to the next (the
///     execution strategy re-runs the whole save, and a cancelled save is saved again) until the save succeeds or
///     fails for good. A transaction sent again with the same writes carries the same client request token, so
///     DynamoDB applies it once and answers the retry with success; a single write sent again is known as a retry,
///     so that a condition it fails against its own earlier write is recognised.
/// </summary>
public class DynamoSaveAttempts : IResettableService
{
    // What earlier attempts sent, by fingerprint: filled only when an attempt fails in a way that may be retried, so a
    // save that succeeds first time computes no fingerprint.
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sent = new(StringComparer.Ordinal);

    // What the current attempt sends, remembered by fingerprint only if it fails.
    private readonly List<(IReadOnlyList<DynamoWrite> Writes, string Token)> _pendingTransactions = [];
    private readonly List<DynamoWrite> _pendingWrites = [];

    /// <summary>The client request token of a transaction of these writes: the one an earlier attempt used, or a new one.</summary>
    public virtual string TokenFor(IReadOnlyList<DynamoWrite> writes)
    {
        var token = _tokens.Count > 0 && _tokens.TryGetValue(Fingerprint(writes), out var earlier)
            ? earlier
            : NewToken();
        _pendingTransactions.Add((writes, token));
        return token;
    }

    /// <summary>Records that a single write is sent; returns whether an earlier attempt of this save sent it already.</summary>
    public virtual bool RecordSent(DynamoWrite write)
    {
        _pendingWrites.Add(write);
        return _sent.Count > 0 && _sent.Contains(Fingerprint([write]));
    }

    /// <summary>The attempt failed and may be retried: what it sent is remembered for the next attempt.</summary>
    public virtual void KeepForRetry()
    {
        foreach (var (writes, token) in _pendingTransactions)
        {
            _tokens[Fingerprint(writes)] = token;
        }

        foreach (var write in _pendingWrites)
        {
            _sent.Add(Fingerprint([write]));
        }

        _pendingTransactions.Clear();
        _pendingWrites.Clear();
    }

    /// <summary>Forgets every attempt: the save succeeded, or failed in a way no retry repeats.</summary>
    public virtual void Clear()
    {
        _tokens.Clear();
        _sent.Clear();
        _pendingTransactions.Clear();
        _pendingWrites.Clear();
    }

    /// <inheritdoc />
    public virtual void ResetState() => Clear();

    /// <inheritdoc />
    public virtual Task ResetStateAsync(CancellationToken cancellationToken = default)
    {
        Clear();
        return Task.CompletedTask;
    }

    // A token only has to be unique, not unpredictable: 128 random bits from the process's generator, which asks the
    // operating system for nothing (a new Guid does, for every transaction).
    private static string NewToken()
    {
        Span<byte> bits = stackalloc byte[16];
        Random.Shared.NextBytes(bits);
        return Convert.ToHexStringLower(bits);
    }

    // Two attempts send the same request when every part of every write is the same; a hash keeps the key small.
    private static string Fingerprint(IEnumerable<DynamoWrite> writes)
    {
        var text = new StringBuilder();
        foreach (var write in writes)
        {
            text.Append(write.Command.Kind).Append('|').Append(write.Command.TableName).Append('|');
            Append(write.Command.Key);
            Append(write.Command.Item);
            text.Append(write.Command.UpdateExpression).Append('|').Append(write.Command.ConditionExpression).Append('|');
            foreach (var (placeholder, name) in write.Command.Names ?? [])
            {
                text.Append(placeholder).Append('=').Append(name).Append(';');
            }

            Append(write.Command.Values);
            text.Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));

        void Append(Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>? attributes)
        {
            foreach (var (name, value) in attributes ?? [])
            {
                text.Append(name).Append('=').Append(DynamoAttributeValueFormatter.Format(value)).Append(';');
            }

            text.Append('|');
        }
    }
}
