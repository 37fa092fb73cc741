using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

/// <summary>Records every DynamoDB request a context sends, from the provider's own diagnostics, and the log lines.</summary>
public sealed class RequestRecorder
{
    private readonly List<DynamoRequestEventData> _requests = [];
    private readonly List<(EventId Id, string Message)> _log = [];

    public IReadOnlyList<DynamoRequestEventData> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    public IReadOnlyList<(EventId Id, string Message)> Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToList();
            }
        }
    }

    /// <summary>The operations sent, in order: "GetItem", "Query"…</summary>
    public IReadOnlyList<string> Operations => Requests.Where(r => r.EventId == DynamoDbEventId.RequestExecuted).Select(r => r.Operation).ToList();

    public void Record(EventData eventData)
    {
        if (eventData is DynamoRequestEventData request)
        {
            lock (_requests)
            {
                _requests.Add(request);
            }
        }

        lock (_log)
        {
            _log.Add((eventData.EventId, eventData.ToString()));
        }
    }

    public void Clear()
    {
        lock (_requests)
        {
            _requests.Clear();
        }

        lock (_log)
        {
            _log.Clear();
        }
    }
}
