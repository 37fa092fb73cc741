using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Tests.Storage;

/// <summary>How DynamoDB's refusals of a write become the provider's exceptions, and transient failures stay the SDK's.</summary>
public class WriteFailuresTests
{
    [Fact]
    public async Task A_failed_condition_alone_carries_the_stored_item()
    {
        var stored = new Dictionary<string, AttributeValue> { ["Id"] = new() { S = "1" } };
        var sdk = new ConditionalCheckFailedException("The conditional request failed") { Item = stored };

        var error = await Assert.ThrowsAsync<DynamoConditionFailedException>(() => DynamoWriteFailures.TranslateAsync(Fail(sdk)));

        Assert.Equal([0], error.FailedCommands);
        Assert.Same(stored, error.StoredItem);
        Assert.Same(sdk, error.InnerException);
    }

    [Fact]
    public async Task A_cancelled_transaction_names_the_commands_whose_condition_failed()
    {
        var sdk = new TransactionCanceledException("Transaction cancelled")
        {
            CancellationReasons =
            [
                new CancellationReason { Code = "None" }, new CancellationReason { Code = "ConditionalCheckFailed" },
                new CancellationReason { Code = "None" }, new CancellationReason { Code = "ConditionalCheckFailed" }
            ]
        };

        var error = await Assert.ThrowsAsync<DynamoConditionFailedException>(() => DynamoWriteFailures.TranslateAsync(Fail(sdk)));

        Assert.Equal([1, 3], error.FailedCommands);
        Assert.Null(error.StoredItem);
    }

    [Fact]
    public async Task A_refusal_a_retry_would_not_change_carries_DynamoDBs_message()
    {
        var sdk = new AmazonDynamoDBException("Requested resource not found") { ErrorCode = "ResourceNotFoundException" };

        var error = await Assert.ThrowsAsync<DynamoRequestFailedException>(() => DynamoWriteFailures.TranslateAsync(Fail(sdk)));

        Assert.Equal("Requested resource not found", error.Message);
        Assert.Same(sdk, error.InnerException);
    }

    public static TheoryData<Exception> TransientFailures => new()
    {
        new ProvisionedThroughputExceededException("throttled"),
        new TransactionCanceledException("conflict") { CancellationReasons = [new CancellationReason { Code = "TransactionConflict" }] },
        new TimeoutException("no answer in time")
    };

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task A_transient_failure_passes_unchanged_for_the_execution_strategy(Exception sdk)
        => Assert.Same(sdk, await Assert.ThrowsAnyAsync<Exception>(() => DynamoWriteFailures.TranslateAsync(Fail(sdk))));

    private static async Task<object> Fail(Exception exception)
    {
        await Task.Yield();
        throw exception;
    }
}
