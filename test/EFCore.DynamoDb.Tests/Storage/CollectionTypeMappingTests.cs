using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace EFCore.DynamoDb.Tests.Storage;

/// <summary>The mappings of sets, lists and dictionaries, composed from the scalar mappings, without a database.</summary>
public class CollectionTypeMappingTests
{
    private static readonly ITypeMappingSource Source = CreateSource();

    [Theory]
    [InlineData(typeof(HashSet<string>), "SS")]
    [InlineData(typeof(ISet<Guid>), "SS")]
    [InlineData(typeof(HashSet<int>), "NS")]
    [InlineData(typeof(SortedSet<decimal>), "NS")]
    [InlineData(typeof(IReadOnlySet<DateTime>), "NS")]
    [InlineData(typeof(HashSet<byte[]>), "BS")]
    [InlineData(typeof(List<string>), "L")]
    [InlineData(typeof(int?[]), "L")]
    [InlineData(typeof(IList<bool>), "L")]
    [InlineData(typeof(IReadOnlyList<DayOfWeek>), "L")]
    [InlineData(typeof(IEnumerable<TimeSpan>), "L")]
    [InlineData(typeof(Dictionary<string, int>), "M")]
    [InlineData(typeof(IDictionary<string, string>), "M")]
    [InlineData(typeof(IReadOnlyDictionary<string, double?>), "M")]
    public void Collections_map_to_their_native_attribute_type(Type clrType, string attributeType)
        => Assert.Equal(attributeType, Mapping(clrType).ScalarType.ToAttributeTypeCode());

    [Theory]
    [InlineData(typeof(HashSet<bool>))]
    [InlineData(typeof(Dictionary<int, string>))]
    [InlineData(typeof(List<List<int>>))]
    [InlineData(typeof(HashSet<object>))]
    public void Unsupported_element_or_key_types_have_no_mapping(Type clrType)
        => Assert.Null(Source.FindMapping(clrType));

    [Fact]
    public void Only_lists_are_EF_primitive_collections()
    {
        Assert.NotNull(Mapping(typeof(List<int>)).ElementTypeMapping);
        Assert.Null(Mapping(typeof(HashSet<int>)).ElementTypeMapping);
        Assert.Null(Mapping(typeof(Dictionary<string, int>)).ElementTypeMapping);
    }

    [Fact]
    public void Number_sets_use_invariant_text_and_an_empty_set_is_absent()
    {
        var mapping = Mapping(typeof(HashSet<double>));

        Assert.Equal(["0.5", "-1E+100"], mapping.ToAttributeValue(new HashSet<double> { 0.5, -1e100 })!.NS);
        Assert.Null(mapping.ToAttributeValue(new HashSet<double>()));
        Assert.Equal([0.5], Assert.IsType<HashSet<double>>(mapping.FromAttributeValue(new AttributeValue { NS = ["0.5"] })).Order());
        Assert.Empty(Assert.IsType<HashSet<double>>(mapping.FromAbsentAttribute()));
    }

    [Fact]
    public void A_set_of_enums_stores_their_numbers()
    {
        var mapping = Mapping(typeof(HashSet<DayOfWeek>));

        var stored = mapping.ToAttributeValue(new HashSet<DayOfWeek> { DayOfWeek.Monday })!;

        Assert.Equal(["1"], stored.NS);
        Assert.Equal([DayOfWeek.Monday], Assert.IsType<HashSet<DayOfWeek>>(mapping.FromAttributeValue(stored)).Order());
    }

    [Fact]
    public void Lists_keep_order_and_nulls()
    {
        var mapping = Mapping(typeof(List<int?>));

        var stored = mapping.ToAttributeValue(new List<int?> { 3, null, 1 })!;

        Assert.Equal(["3", null, "1"], stored.L.Select(e => e.N));
        Assert.True(stored.L[1].NULL);
        Assert.Equal(new List<int?> { 3, null, 1 }, mapping.FromAttributeValue(stored));
    }

    [Fact]
    public void An_array_reads_back_as_an_array_and_an_interface_as_a_list()
    {
        var array = Mapping(typeof(string[])).FromAttributeValue(new AttributeValue { L = [new() { S = "a" }] });
        var list = Mapping(typeof(IReadOnlyList<string>)).FromAttributeValue(new AttributeValue { L = [new() { S = "a" }] });

        Assert.Equal(["a"], Assert.IsType<string[]>(array));
        Assert.Equal(["a"], Assert.IsType<List<string>>(list));
    }

    [Fact]
    public void Dictionaries_are_maps_of_their_values()
    {
        var mapping = Mapping(typeof(Dictionary<string, DateOnly>));

        var stored = mapping.ToAttributeValue(new Dictionary<string, DateOnly> { ["epoch"] = new(1970, 1, 2) })!;

        Assert.Equal("86400", stored.M["epoch"].N);
        Assert.Equal(new Dictionary<string, DateOnly> { ["epoch"] = new(1970, 1, 2) }, mapping.FromAttributeValue(stored));
    }

    [Fact]
    public void A_list_is_not_read_from_a_set_attribute()
    {
        var error = Assert.Throws<FormatException>(() => Mapping(typeof(List<string>)).FromAttributeValue(new AttributeValue { SS = ["a"] }));

        Assert.Contains("Expected a DynamoDB attribute of type L but found SS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparers_compare_contents_and_snapshot_copies()
    {
        var setComparer = Mapping(typeof(HashSet<byte[]>)).Comparer;
        var set = new HashSet<byte[]> { new byte[] { 1 }, new byte[] { 2 } };
        var setSnapshot = (HashSet<byte[]>)setComparer.Snapshot(set)!;
        Assert.NotSame(set, setSnapshot);
        Assert.True(setComparer.Equals(set, new HashSet<byte[]> { new byte[] { 2 }, new byte[] { 1 } }));
        set.Add([3]);
        Assert.False(setComparer.Equals(set, setSnapshot));

        var listComparer = Mapping(typeof(List<int>)).Comparer;
        Assert.False(listComparer.Equals(new List<int> { 1, 2 }, new List<int> { 2, 1 }));
        Assert.True(listComparer.Equals(new List<int> { 1, 2 }, new List<int> { 1, 2 }));

        var mapComparer = Mapping(typeof(Dictionary<string, string>)).Comparer;
        var map = new Dictionary<string, string> { ["a"] = "1" };
        var mapSnapshot = mapComparer.Snapshot(map);
        map["a"] = "2";
        Assert.False(mapComparer.Equals(map, mapSnapshot));
        Assert.True(mapComparer.Equals(map, new Dictionary<string, string> { ["a"] = "2" }));
    }

    private static DynamoTypeMapping Mapping(Type clrType)
        => Assert.IsType<DynamoTypeMapping>(Source.FindMapping(clrType));

    private static ITypeMappingSource CreateSource()
    {
        using var context = new DbContext(
            new DbContextOptionsBuilder().UseDynamoDb(o => o.ServiceUrl("http://127.0.0.1:1").Credentials("x", "x")).Options);
        return context.GetService<ITypeMappingSource>();
    }
}
