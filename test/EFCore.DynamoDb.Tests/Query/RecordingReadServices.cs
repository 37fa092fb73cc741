using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Tests.Query;

/// <summary>A planner that counts its plans, so that a test can tell a query is planned once, when it is compiled.</summary>
internal sealed class CountingPlanner : DynamoAccessPathPlanner
{
    // Counted per thread: the planner is a singleton of the service provider that tests in other classes share, and they
    // compile their queries at the same time (a test compiles its own synchronously, on its thread).
    [ThreadStatic]
    private static int _plansOnThisThread;

    public static int PlansOnThisThread => _plansOnThisThread;

    public override DynamoAccessPlan Plan(DynamoSelectExpression selectExpression)
    {
        _plansOnThisThread++;
        return base.Plan(selectExpression);
    }
}

/// <summary>
///     Records the read and write commands instead of sending them and answers each read with an empty page; the first
///     <see cref="PagesWithMore" /> pages say DynamoDB has more (a start key on <c>UserId</c>/<c>Title</c>).
/// </summary>
internal sealed class RecordingClientWrapper(
    IDbContextOptions options,
    IDynamoClientProvider clientProvider,
    IDiagnosticsLogger<DbLoggerCategory.Database.Command> logger,
    DynamoConsumedCapacity consumedCapacity,
    IExecutionStrategyFactory executionStrategyFactory,
    IExecutionStrategy executionStrategy)
    : DynamoClientWrapper(options, clientProvider, logger, consumedCapacity, executionStrategyFactory, executionStrategy)
{
    public List<DynamoReadCommand> Commands { get; } = [];

    public int PagesWithMore { get; set; }

    public override Task<DynamoReadPage> ReadAsync(DynamoReadCommand command, CancellationToken cancellationToken)
    {
        Commands.Add(command);
        var next = Commands.Count <= PagesWithMore
            ? command with { StartKey = new() { ["UserId"] = new() { S = "u" }, ["Title"] = new() { S = "k" + Commands.Count } } }
            : null;
        return Task.FromResult(new DynamoReadPage([], 0, 0, next));
    }

    public List<DynamoWriteCommand> Writes { get; } = [];

    public override Task<Dictionary<string, AttributeValue>?> WriteAsync(DynamoWriteCommand command, CancellationToken cancellationToken)
    {
        Writes.Add(command);
        return Task.FromResult<Dictionary<string, AttributeValue>?>(null);
    }
}
