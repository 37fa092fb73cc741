using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
///     Filters inside documents and on collections: nested paths into complex values and dictionaries (one name
///     placeholder per step), <c>size</c> for Count/Length, emptiness, and set and list membership.
/// </summary>
public class DocumentFilterTests : IClassFixture<FilterFixture>
{
    private readonly FilterFixture _fixture;

    public DocumentFilterTests(FilterFixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private RequestRecorder Recorder => _fixture.Store.Recorder;

    [Fact]
    public async Task A_complex_values_property_is_a_nested_path()
    {
        await using var db = _fixture.CreateContext();
        var city = "York";

        var ids = await db.Rows.Where(r => r.Home.City == city).Select(r => r.Id).ToListAsync();
        var zips = await db.Rows.Where(r => r.Home.Zip >= 100 && r.Home.City != null).Select(r => r.Id).ToListAsync();

        Assert.Equal(["b"], ids);
        Assert.Equal(["a", "b"], zips.Order(StringComparer.Ordinal));
        var request = Recorder.Requests[0];
        Assert.Equal("Scan", request.Operation);
        Assert.Contains("Filter: #n1.#n2 = :v0", request.Expressions, StringComparison.Ordinal);
        Assert.DoesNotContain("York", request.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dictionary_entry_under_a_constant_or_parameter_key_is_a_nested_path()
    {
        await using var db = _fixture.CreateContext();
        var key = "size";

        var red = await db.Rows.Where(r => r.Attributes!["color"] == "red").Select(r => r.Id).ToListAsync();
        var sized = await db.Rows.Where(r => r.Attributes![key] == "L").Select(r => r.Id).ToListAsync();
        var withColor = await db.Rows.Where(r => r.Attributes!.ContainsKey("color")).Select(r => r.Id).ToListAsync();

        Assert.Equal(["a"], red);
        Assert.Equal(["b"], sized);
        Assert.Equal(["a", "b"], withColor.Order(StringComparer.Ordinal));
        Assert.Contains("Filter: #n1.#n2 = :v0", Recorder.Requests[0].Expressions, StringComparison.Ordinal);
        Assert.Contains("Filter: #n1.#n2 = :v0", Recorder.Requests[1].Expressions, StringComparison.Ordinal);
        Assert.Contains("Filter: attribute_exists(#n1.#n2)", Recorder.Requests[2].Expressions, StringComparison.Ordinal);
    }

    // The dictionary is read whole and indexed on the client, so the projection's text is the same for every execution
    // and rendered once; the filter's path names each execution's key.
    [Fact]
    public async Task A_dictionary_entry_projected_under_a_parameter_key_is_read_for_each_execution_s_key()
    {
        await using var db = _fixture.CreateContext();
        var values = new List<string?[]>();

        foreach (var key in new[] { "color", "size" })
        {
            var read = await db.Rows.Where(r => r.Attributes!.ContainsKey(key)).Select(r => r.Attributes![key]).ToListAsync();
            values.Add([.. read.Order(StringComparer.Ordinal)]);
        }

        Assert.Equal([["blue", "red"], ["L"]], values);
        Assert.Equal(2, Recorder.Requests.Count);
        Assert.All(Recorder.Requests, r => Assert.Contains("Filter: attribute_exists(#n0.#n1); Projection: #n0;", r.Expressions, StringComparison.Ordinal));
        Assert.EndsWith("#n1=color", Recorder.Requests[0].Expressions, StringComparison.Ordinal);
        Assert.EndsWith("#n1=size", Recorder.Requests[1].Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_dictionary_key_fails_clearly()
    {
        await using var db = _fixture.CreateContext();
        string? key = null;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Rows.Where(r => r.Attributes![key!] == "L").ToListAsync());

        Assert.Contains("FilterRow.Attributes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_and_Length_compare_the_size()
    {
        await using var db = _fixture.CreateContext();
        var two = 2;

        Assert.Equal(["a"], await Ids(db.Rows.Where(r => r.Tags.Count == two)));
        Assert.Equal(["a", "b"], await Ids(db.Rows.Where(r => r.Scores!.Count() >= 1)));
        Assert.Equal(["b"], await Ids(db.Rows.Where(r => r.Scores!.Count < 2 && r.Scores.Count > 0)));
        Assert.Equal(["b"], await Ids(db.Rows.Where(r => r.Bytes!.Length == 1)));
        Assert.Equal(["a"], await Ids(db.Rows.Where(r => 4 < r.Text!.Length)));
        Assert.Equal(["b"], await Ids(db.Rows.Where(r => r.Attributes!.Count != 1 && r.Attributes.Count <= 2)));
        Assert.Contains("Filter: size(#n1) = :v0", Recorder.Requests[0].Expressions, StringComparison.Ordinal);
        Assert.Contains("Filter: size(#n1) > :v0", Recorder.Requests[4].Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_on_a_set_is_presence_and_on_a_list_a_positive_size()
    {
        await using var db = _fixture.CreateContext();

        Assert.Equal(["a", "b"], await Ids(db.Rows.Where(r => r.Tags.Any())));
        Assert.Equal(["c"], await Ids(db.Rows.Where(r => !r.Tags.Any())));
        Assert.Equal(["a", "b"], await Ids(db.Rows.Where(r => r.Scores!.Any())));
        Assert.Equal(["c"], await Ids(db.Rows.Where(r => !r.Scores!.Any())));
        Assert.Contains("Filter: attribute_exists(#n1)", Recorder.Requests[0].Expressions, StringComparison.Ordinal);
        Assert.Contains("Filter: NOT (size(#n1) > :v0)", Recorder.Requests[3].Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_and_list_membership_converts_the_value_with_the_element_mapping()
    {
        await using var db = _fixture.CreateContext();
        var score = 2;

        Assert.Equal(["a"], await Ids(db.Rows.Where(r => r.Scores!.Contains(score))));
        Assert.Equal(["b", "c"], await Ids(db.Rows.Where(r => !r.Tags.Contains("blue"))));
        Assert.Contains("Filter: contains(#n1, :v0)", Recorder.Requests[0].Expressions, StringComparison.Ordinal);
        Assert.Contains("Filter: NOT (contains(#n1, :v0))", Recorder.Requests[1].Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_size_on_a_Querys_key_applies_to_the_returned_items()
    {
        await using var db = _fixture.CreateContext();

        Assert.Equal(["b"], await Ids(db.Rows.Where(r => r.Id == "b" && r.Id.Length == 1)));

        var request = Assert.Single(Recorder.Requests);
        Assert.Equal("Query", request.Operation);
        Assert.DoesNotContain("Filter", request.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Selecting_a_complex_values_property_reads_only_its_path()
    {
        await using var db = _fixture.CreateContext();

        var cities = await db.Rows.Where(r => r.Home.Zip > 100).Select(r => r.Home.City).ToListAsync();
        var zips = await db.Rows.Select(r => new { r.Id, r.Home.Zip }).ToListAsync();
        var total = await db.Rows.SumAsync(r => r.Home.Zip);

        Assert.Equal(["York"], cities);
        Assert.Equal([("a", 100), ("b", 200), ("c", 0)], zips.Select(z => (z.Id, z.Zip)).OrderBy(z => z.Id, StringComparer.Ordinal));
        Assert.Equal(300, total);
        Assert.Contains("Projection: #n0.#n1;", Recorder.Requests[0].Expressions + ";", StringComparison.Ordinal);
        Assert.Contains("Projection: #n0, #n1.#n2", Recorder.Requests[1].Expressions, StringComparison.Ordinal);
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task Ordering_a_nested_path_is_refused()
    {
        await using var db = _fixture.CreateContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Rows.OrderBy(r => r.Home.City).ToListAsync());
    }

    private static async Task<List<string>> Ids(IQueryable<FilterRow> rows)
        => (await rows.Select(r => r.Id).ToListAsync()).Order(StringComparer.Ordinal).ToList();
}
