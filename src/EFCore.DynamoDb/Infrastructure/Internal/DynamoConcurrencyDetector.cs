namespace EFCore.DynamoDb.Infrastructure.Internal;

/// <summary>
///     EF Core's check that a context is not used by two operations at once, with a cheaper section for synchronous work.
///     A section held across awaits (a query's request, <c>SaveChanges</c>) is counted per asynchronous flow, as EF Core's
///     own detector counts it, so that the flow holding it may enter it again; that count is an <see cref="AsyncLocal{T}" />,
///     and each write of one allocates. The shaping of a tracked item awaits nothing, so its section (see
///     <see cref="EnterSynchronousSection" />) is counted per thread instead: entered and left on one thread, with
///     nothing else running on that thread in between.
/// </summary>
public sealed class DynamoConcurrencyDetector : IConcurrencyDetector
{
    private static readonly AsyncLocal<int> SectionsHeldByFlow = new();

    [ThreadStatic]
    private static int _synchronousSectionsHeldByThread;

    private int _held;
    private int _sectionsHeld;

    /// <inheritdoc />
    public ConcurrencyDetectorCriticalSectionDisposer EnterCriticalSection()
    {
        Acquire();
        SectionsHeldByFlow.Value++;
        return new ConcurrencyDetectorCriticalSectionDisposer(this);
    }

    /// <inheritdoc />
    public void ExitCriticalSection()
    {
        SectionsHeldByFlow.Value--;
        Release();
    }

    /// <summary>
    ///     Enters a section for work that does not await, with <paramref name="detector" /> (none when thread-safety checks
    ///     are off); disposing the result leaves it, on the same thread. Another detector than this one is entered as usual.
    /// </summary>
    public static SynchronousSection EnterSynchronousSection(IConcurrencyDetector? detector)
    {
        switch (detector)
        {
            case null:
                return default;
            case DynamoConcurrencyDetector own:
                own.Acquire();
                _synchronousSectionsHeldByThread++;
                return new SynchronousSection(own, null);
            default:
                detector.EnterCriticalSection();
                return new SynchronousSection(null, detector);
        }
    }

    // Another operation holds the context when it is held and this flow, or this thread's synchronous work, holds none of it.
    private void Acquire()
    {
        if (Interlocked.CompareExchange(ref _held, 1, 0) == 1 && SectionsHeldByFlow.Value == 0 && _synchronousSectionsHeldByThread == 0)
        {
            throw new InvalidOperationException(CoreStrings.ConcurrentMethodInvocation);
        }

        _sectionsHeld++;
    }

    private void Release()
    {
        if (--_sectionsHeld == 0)
        {
            _held = 0;
        }
    }

    /// <summary>A section entered with <see cref="EnterSynchronousSection" />, left when disposed.</summary>
    public readonly struct SynchronousSection : IDisposable
    {
        private readonly DynamoConcurrencyDetector? _own;
        private readonly IConcurrencyDetector? _other;

        internal SynchronousSection(DynamoConcurrencyDetector? own, IConcurrencyDetector? other)
        {
            _own = own;
            _other = other;
        }

        /// <summary>Leaves the section.</summary>
        public void Dispose()
        {
            if (_own != null)
            {
                _synchronousSectionsHeldByThread--;
                _own.Release();
            }
            else
            {
                _other?.ExitCriticalSection();
            }
        }
    }
}
