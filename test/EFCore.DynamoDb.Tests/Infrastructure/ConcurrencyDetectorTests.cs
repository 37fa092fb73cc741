using EFCore.DynamoDb.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Infrastructure.Internal;

namespace EFCore.DynamoDb.Tests.Infrastructure;

/// <summary>
///     The provider's concurrency detector keeps EF Core's rules: the flow that holds a context may enter it again, any
///     other flow is refused with EF Core's message, and a context left is free; a synchronous section holds it the same.
/// </summary>
public class ConcurrencyDetectorTests
{
    private const string SecondOperation = "A second operation was started on this context instance before a previous operation completed";

    [Fact]
    public async Task A_section_held_across_an_await_admits_its_own_flow_and_refuses_another()
    {
        var detector = new DynamoConcurrencyDetector();

        using (detector.EnterCriticalSection())
        {
            await Task.Yield();
            using (detector.EnterCriticalSection())
            {
                // Nested in the flow that holds it.
            }

            AssertRefusedElsewhere(detector);
        }

        await EnterElsewhereAsync(detector);
    }

    [Fact]
    public async Task A_synchronous_section_admits_its_own_thread_and_refuses_another()
    {
        var detector = new DynamoConcurrencyDetector();

        using (DynamoConcurrencyDetector.EnterSynchronousSection(detector))
        {
            using (detector.EnterCriticalSection())
            using (DynamoConcurrencyDetector.EnterSynchronousSection(detector))
            {
                // Nested in the thread that holds it.
            }

            AssertRefusedElsewhere(detector);
        }

        await EnterElsewhereAsync(detector);
    }

    [Fact]
    public void Without_a_detector_a_synchronous_section_checks_nothing_and_another_detector_is_entered_as_usual()
    {
        using (DynamoConcurrencyDetector.EnterSynchronousSection(null))
        {
        }

        var efDetector = new ConcurrencyDetector();
        using (DynamoConcurrencyDetector.EnterSynchronousSection(efDetector))
        {
            AssertRefusedElsewhere(efDetector);
        }

        using (efDetector.EnterCriticalSection())
        {
        }
    }

    // Another operation: a task that does not continue the caller's flow, on another thread.
    private static Task RunElsewhere(Action action)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(action);
        }
    }

    private static void AssertRefusedElsewhere(IConcurrencyDetector detector)
    {
        var refused = Assert.ThrowsAsync<InvalidOperationException>(() => RunElsewhere(() => detector.EnterCriticalSection())).GetAwaiter().GetResult();
        Assert.StartsWith(SecondOperation, refused.Message, StringComparison.Ordinal);
    }

    private static Task EnterElsewhereAsync(DynamoConcurrencyDetector detector)
        => RunElsewhere(() =>
        {
            using (detector.EnterCriticalSection())
            {
            }
        });
}
