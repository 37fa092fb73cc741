using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
///     The concurrent dependents' reads of an async collection <c>Include</c> log how they failed as every other read
///     does, once for the include: <c>QueryIterationFailed</c> for the read that failed (not the reads it canceled), and
///     <c>QueryCanceled</c> when the application canceled.
/// </summary>
public class CollectionIncludeLoggingTests : IClassFixture<CollectionIncludeTests.Fixture>
{
    private readonly CollectionIncludeTests.Fixture _fixture;

    public CollectionIncludeLoggingTests(CollectionIncludeTests.Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    [Fact]
    public async Task A_refused_dependents_Query_logs_QueryIterationFailed_once()
    {
        await using var proxy = new FaultInjectingProxy(r => r is { Operation: "Query", Number: 3 } ? ProxyFault.Refuse : ProxyFault.None);
        await using var db = CreateContext(proxy);

        var failure = await Assert.ThrowsAnyAsync<Exception>(
            () => db.Customers.Include(c => c.Orders).Where(c => c.Region == "many").AllowScan().ToListAsync());

        Assert.Contains("Injected refusal", failure.ToString(), StringComparison.Ordinal);
        var logged = Assert.Single(Recorder.Log, l => l.Id == CoreEventId.QueryIterationFailed);
        Assert.Contains("Injected refusal", logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Recorder.Log, l => l.Id == CoreEventId.QueryCanceled);
    }

    [Fact]
    public async Task Canceling_the_dependents_Queries_logs_QueryCanceled_once()
    {
        using var cancellation = new CancellationTokenSource();
        await using var proxy = new FaultInjectingProxy(
            _ => ProxyFault.None,
            r =>
            {
                if (r is { Operation: "Query", Number: 1 })
                {
                    cancellation.Cancel();
                }

                return Task.CompletedTask;
            });
        await using var db = CreateContext(proxy);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => db.Customers.Include(c => c.Orders).Where(c => c.Region == "many").AllowScan().ToListAsync(cancellation.Token));

        Assert.Single(Recorder.Log, l => l.Id == CoreEventId.QueryCanceled);
        Assert.DoesNotContain(Recorder.Log, l => l.Id == CoreEventId.QueryIterationFailed);
    }

    private CollectionIncludeTests.ShopContext CreateContext(FaultInjectingProxy proxy)
        => new(_fixture.Store.CreateOptions<CollectionIncludeTests.ShopContext>(o => o.ServiceUrl(proxy.ServiceUrl)));
}
