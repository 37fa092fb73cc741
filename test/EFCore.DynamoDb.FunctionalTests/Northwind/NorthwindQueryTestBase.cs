using System.Collections;
using System.Globalization;
using System.Reflection;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Northwind;

/// <summary>
///     EF Core's spec-test idea, in our own words: every query runs against DynamoDB Local and, as LINQ to objects,
///     against the seed data; the results must be the same (in the same order when the query orders).
/// </summary>
[Collection(NorthwindTestGroup.Name)]
public abstract class NorthwindQueryTestBase
{
    protected NorthwindQueryTestBase(NorthwindFixture fixture)
    {
        Fixture = fixture;
        Fixture.Store.Recorder.Clear();
    }

    protected NorthwindFixture Fixture { get; }

    protected RequestRecorder Recorder => Fixture.Store.Recorder;

    protected static NorthwindData Data => NorthwindData.Instance;

    protected NorthwindContext CreateContext() => Fixture.CreateContext();

    /// <summary>Runs <paramref name="query" /> on DynamoDB (sync or async) and on the seed data and compares the results.</summary>
    protected Task<List<TResult>> AssertQuery<TResult>(
        bool async,
        Func<ISetSource, IQueryable<TResult>> query,
        bool assertOrder = false,
        bool assertEmpty = false)
        => AssertQuery(async, query, query, assertOrder, assertEmpty);

    protected async Task<List<TResult>> AssertQuery<TResult>(
        bool async,
        Func<ISetSource, IQueryable<TResult>> actualQuery,
        Func<ISetSource, IQueryable<TResult>> expectedQuery,
        bool assertOrder = false,
        bool assertEmpty = false)
    {
        await using var context = CreateContext();
        var queryable = actualQuery(new ContextSetSource(context));
        var actual = async ? await queryable.ToListAsync() : queryable.ToList();
        var expected = expectedQuery(Data).ToList();

        if (assertEmpty)
        {
            Assert.Empty(expected);
        }
        else
        {
            Assert.NotEmpty(expected);
        }

        var actualText = actual.Select(a => Describe(a)).ToList();
        var expectedText = expected.Select(e => Describe(e)).ToList();
        if (!assertOrder)
        {
            actualText.Sort(StringComparer.Ordinal);
            expectedText.Sort(StringComparer.Ordinal);
        }

        Assert.Equal(expectedText, actualText);
        return actual;
    }

    /// <summary>Runs a query with a single result (Count, First, Sum…) both ways and compares the results.</summary>
    protected async Task<TResult> AssertSingleResult<TResult>(
        bool async,
        Func<ISetSource, TResult> syncQuery,
        Func<ISetSource, Task<TResult>> asyncQuery)
    {
        await using var context = CreateContext();
        var source = new ContextSetSource(context);
        var actual = async ? await asyncQuery(source) : syncQuery(source);
        var expected = syncQuery(Data);

        Assert.Equal(Describe(expected), Describe(actual));
        return actual;
    }

    /// <summary>The request operations sent since the test started, with their index names.</summary>
    protected void AssertRequests(params (string Operation, string? Index)[] expected)
        => Assert.Equal(
            expected.Select(e => $"{e.Operation} {e.Index}").ToList(),
            Recorder.Requests.Where(r => r.EventId == Microsoft.EntityFrameworkCore.Diagnostics.DynamoDbEventId.RequestExecuted)
                .Select(r => $"{r.Operation} {r.IndexName}").ToList());

    /// <summary>Every request so far read with the given operation (and index); paging may send several.</summary>
    protected void AssertAllRequests(string operation, string? index = null)
    {
        var requests = Recorder.Requests.Where(r => r.EventId == Microsoft.EntityFrameworkCore.Diagnostics.DynamoDbEventId.RequestExecuted).ToList();
        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.Equal($"{operation} {index}", $"{r.Operation} {r.IndexName}"));
    }

    protected string SingleRequestExpressions()
        => Assert.Single(Recorder.Requests, r => r.EventId == Microsoft.EntityFrameworkCore.Diagnostics.DynamoDbEventId.RequestExecuted).Expressions;

    /// <summary>A value as text, by value: scalars invariantly, objects (entities, anonymous types, DTOs) property by property.</summary>
    protected static string Describe(object? value)
        => value switch
        {
            null => "null",
            string s => "\"" + s + "\"",
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            decimal d => d.ToString("0.############################", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            bool or char => value.ToString()!,
            IEnumerable sequence => "[" + string.Join(", ", sequence.Cast<object?>().Select(Describe)) + "]",
            _ => "{" + string.Join(
                ", ",
                value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.GetIndexParameters().Length == 0)
                    .OrderBy(p => p.Name, StringComparer.Ordinal)
                    .Select(p => p.Name + " = " + Describe(p.GetValue(value)))) + "}"
        };

    private sealed class ContextSetSource(DbContext context) : ISetSource
    {
        public IQueryable<TEntity> Entities<TEntity>()
            where TEntity : class
            => context.Set<TEntity>();
    }
}
