using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Query.Internal;

/// <summary>
///     The opaque token <c>ToPageAsync</c> hands out: the key to resume after (for a PartiQL statement, DynamoDB's next
///     token), with a checksum over that key and the
///     query it belongs to (its table, index, expressions and values). A token that was changed, or that comes from
///     another query, is refused. The checksum guards integrity, not secrecy: the key it carries is readable.
/// </summary>
public static class DynamoContinuationToken
{
    private const int ChecksumBytes = 16;

    /// <summary>
    ///     What identifies a query for its tokens: operation, table, index, expressions and values of the request that
    ///     reads its first page, so the resume key and page limits do not change it.
    /// </summary>
    public static string Fingerprint(DynamoRequestDescription firstRequest)
        => string.Join(
            "\n", firstRequest.Operation, firstRequest.TableName, firstRequest.IndexName, firstRequest.Expressions, firstRequest.FormatValues());

    /// <summary>
    ///     The token resuming after <paramref name="key" />, bound to the query whose fingerprint is <paramref
    ///     name="queryFingerprint" />.
    /// </summary>
    public static string Encode(Dictionary<string, AttributeValue> key, string queryFingerprint)
        => Seal(JsonSerializer.SerializeToUtf8Bytes(key.ToDictionary(pair => pair.Key, pair => ToJson(pair.Value))), queryFingerprint);

    /// <summary>The key a token resumes after; throws when the token was changed or belongs to another query.</summary>
    public static Dictionary<string, AttributeValue> Decode(string token, string queryFingerprint)
        => Open(token, queryFingerprint, payload => JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(payload)!
            .ToDictionary(pair => pair.Key, pair => FromJson(pair.Value)));

    /// <summary>The token resuming a PartiQL statement with DynamoDB's <paramref name="nextToken" />, bound to the query.</summary>
    public static string EncodeNextToken(string nextToken, string queryFingerprint) => Seal(Encoding.UTF8.GetBytes(nextToken), queryFingerprint);

    /// <summary>DynamoDB's next token a token carries; throws when the token was changed or belongs to another query.</summary>
    public static string DecodeNextToken(string token, string queryFingerprint) => Open(token, queryFingerprint, Encoding.UTF8.GetString);

    private static string Seal(byte[] payload, string queryFingerprint) => Base64Url(payload) + "." + Base64Url(Checksum(payload, queryFingerprint));

    private static T Open<T>(string token, string queryFingerprint, Func<byte[], T> read)
    {
        try
        {
            var parts = token.Split('.');
            if (parts.Length == 2)
            {
                var payload = FromBase64Url(parts[0]);
                if (CryptographicOperations.FixedTimeEquals(FromBase64Url(parts[1]), Checksum(payload, queryFingerprint)))
                {
                    return read(payload);
                }
            }
        }
        catch (Exception exception) when (exception is FormatException or JsonException or ArgumentException)
        {
            throw new InvalidOperationException(DynamoStrings.InvalidContinuationToken, exception);
        }

        throw new InvalidOperationException(DynamoStrings.InvalidContinuationToken);
    }

    private static byte[] Checksum(byte[] payload, string queryFingerprint)
        => SHA256.HashData([.. payload, .. Encoding.UTF8.GetBytes(queryFingerprint)])[..ChecksumBytes];

    // Keys are strings, numbers or binaries.
    private static Dictionary<string, string> ToJson(AttributeValue value)
        => value.S != null ? new() { ["S"] = value.S }
            : value.N != null ? new() { ["N"] = value.N }
            : new() { ["B"] = Convert.ToBase64String(value.B.ToArray()) };

    private static AttributeValue FromJson(Dictionary<string, string> value)
        => value.TryGetValue("S", out var text) ? new AttributeValue { S = text }
            : value.TryGetValue("N", out var number) ? new AttributeValue { N = number }
            : new AttributeValue { B = new MemoryStream(Convert.FromBase64String(value["B"])) };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
