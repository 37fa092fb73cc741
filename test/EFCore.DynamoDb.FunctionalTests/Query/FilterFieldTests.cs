using System.Linq.Expressions;
using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Query;

/// <summary>
///     Flywheel's test_scan "filter fields": every operation on every type either returns the right items or fails
///     clearly, by the allowed-filter table. Operations C# cannot even write on a type (<c>&lt;</c> on a set,
///     <c>StartsWith</c> on a number…) have no row.
/// </summary>
public class FilterFieldTests(FilterFixture fixture) : IClassFixture<FilterFixture>
{
    private const string Refused = "refused";

    private static readonly byte[] BytesA = [1, 2];
    private static readonly byte[][] SomeBytes = [[1, 2], [9]];
    private static readonly DateTime Y2021 = new(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Day2021 = new(2021, 1, 1);
    private static readonly HashSet<string> TagsB = ["green"];
    private static readonly HashSet<string>[] SomeTags = [["green"]];
    private static readonly Dictionary<string, string> AttributesA = new() { ["color"] = "red" };
    private static readonly Dictionary<string, string>[] SomeAttributes = [new() { ["color"] = "red" }];
    private static readonly KeyValuePair<string, string> Red = new("color", "red");
    private static readonly List<int> ScoresA = [1, 2];
    private static readonly List<int>[] SomeScores = [[1, 2]];

    private static readonly Dictionary<string, Expression<Func<FilterRow, bool>>> Cases = new()
    {
        ["string eq"] = r => r.Text == "alpha",
        ["string ne"] = r => r.Text != "alpha",
        ["string lt"] = r => string.CompareOrdinal(r.Text, "beta") < 0,
        ["string lte"] = r => string.CompareOrdinal(r.Text, "beta") <= 0,
        ["string gt"] = r => string.CompareOrdinal(r.Text, "alpha") > 0,
        ["string gte"] = r => string.CompareOrdinal(r.Text, "alpha") >= 0,
        ["string in"] = r => new[] { "beta", "gamma" }.Contains(r.Text),
        ["string beginswith"] = r => r.Text!.StartsWith("al"),
        ["string between"] = r => string.CompareOrdinal(r.Text, "a") >= 0 && string.CompareOrdinal(r.Text, "az") <= 0,
        ["string contains"] = r => r.Text!.Contains("et"),
        ["string ncontains"] = r => !r.Text!.Contains("et"),
        ["string null"] = r => r.Text == null,
        ["string notnull"] = r => r.Text != null,
        ["binary eq"] = r => r.Bytes == BytesA,
        ["binary ne"] = r => r.Bytes != BytesA,
        ["binary in"] = r => SomeBytes.Contains(r.Bytes),
        ["binary contains"] = r => r.Bytes!.Contains((byte)1),
        ["binary ncontains"] = r => !r.Bytes!.Contains((byte)1),
        ["binary null"] = r => r.Bytes == null,
        ["binary notnull"] = r => r.Bytes != null,
        ["int eq"] = r => r.Int == 2,
        ["int ne"] = r => r.Int != 2,
        ["int lt"] = r => r.Int < 2,
        ["int lte"] = r => r.Int <= 2,
        ["int gt"] = r => r.Int > 2,
        ["int gte"] = r => r.Int >= 2,
        ["int in"] = r => new int?[] { 1, 3 }.Contains(r.Int),
        ["int between"] = r => r.Int >= 2 && r.Int <= 3,
        ["int null"] = r => r.Int == null,
        ["int notnull"] = r => r.Int != null,
        ["float eq"] = r => r.Float == 2.5f,
        ["float ne"] = r => r.Float != 2.5f,
        ["float lt"] = r => r.Float < 2.5f,
        ["float lte"] = r => r.Float <= 2.5f,
        ["float gt"] = r => r.Float > 2.5f,
        ["float gte"] = r => r.Float >= 2.5f,
        ["float in"] = r => new float?[] { 1.5f, 3.5f }.Contains(r.Float),
        ["float between"] = r => r.Float >= 2 && r.Float <= 4,
        ["float null"] = r => r.Float == null,
        ["float notnull"] = r => r.Float != null,
        ["decimal eq"] = r => r.Decimal == 2.5m,
        ["decimal ne"] = r => r.Decimal != 2.5m,
        ["decimal lt"] = r => r.Decimal < 2.5m,
        ["decimal lte"] = r => r.Decimal <= 2.5m,
        ["decimal gt"] = r => r.Decimal > 2.5m,
        ["decimal gte"] = r => r.Decimal >= 2.5m,
        ["decimal in"] = r => new decimal?[] { 1.25m, 3.75m }.Contains(r.Decimal),
        ["decimal between"] = r => r.Decimal >= 2 && r.Decimal <= 4,
        ["decimal null"] = r => r.Decimal == null,
        ["decimal notnull"] = r => r.Decimal != null,
        ["bool eq"] = r => r.Flag == true,
        ["bool ne"] = r => r.Flag != true,
        ["bool lt"] = r => r.Flag!.Value.CompareTo(true) < 0,
        ["bool gte"] = r => r.Flag!.Value.CompareTo(true) >= 0,
        ["bool in"] = r => new bool?[] { true }.Contains(r.Flag),
        ["bool null"] = r => r.Flag == null,
        ["bool notnull"] = r => r.Flag != null,
        ["datetime eq"] = r => r.When == Y2021,
        ["datetime ne"] = r => r.When != Y2021,
        ["datetime lt"] = r => r.When < Y2021,
        ["datetime lte"] = r => r.When <= Y2021,
        ["datetime gt"] = r => r.When > Y2021.AddDays(-1),
        ["datetime gte"] = r => r.When >= Y2021,
        ["datetime in"] = r => new DateTime?[] { Y2021 }.Contains(r.When),
        ["datetime between"] = r => r.When >= Y2021.AddYears(-1) && r.When <= Y2021,
        ["datetime null"] = r => r.When == null,
        ["datetime notnull"] = r => r.When != null,
        ["date eq"] = r => r.Day == Day2021,
        ["date ne"] = r => r.Day != Day2021,
        ["date lt"] = r => r.Day < Day2021,
        ["date lte"] = r => r.Day <= Day2021,
        ["date gt"] = r => r.Day > Day2021,
        ["date gte"] = r => r.Day >= Day2021,
        ["date in"] = r => new DateOnly?[] { Day2021 }.Contains(r.Day),
        ["date between"] = r => r.Day >= Day2021.AddYears(-1) && r.Day <= Day2021,
        ["date null"] = r => r.Day == null,
        ["date notnull"] = r => r.Day != null,
        ["set eq"] = r => r.Tags == TagsB,
        ["set ne"] = r => r.Tags != TagsB,
        ["set in"] = r => SomeTags.Contains(r.Tags),
        ["set contains"] = r => r.Tags.Contains("red"),
        ["set ncontains"] = r => !r.Tags.Contains("red"),
        ["set null"] = r => r.Tags == null,
        ["set notnull"] = r => r.Tags != null,
        ["dict eq"] = r => r.Attributes == AttributesA,
        ["dict ne"] = r => r.Attributes != AttributesA,
        ["dict in"] = r => SomeAttributes.Contains(r.Attributes),
        ["dict contains"] = r => r.Attributes!.Contains(Red),
        ["dict ncontains"] = r => !r.Attributes!.Contains(Red),
        ["dict null"] = r => r.Attributes == null,
        ["dict notnull"] = r => r.Attributes != null,
        ["list eq"] = r => r.Scores == ScoresA,
        ["list ne"] = r => r.Scores != ScoresA,
        ["list in"] = r => SomeScores.Contains(r.Scores),
        ["list contains"] = r => r.Scores!.Contains(3),
        ["list ncontains"] = r => !r.Scores!.Contains(3),
        ["list null"] = r => r.Scores == null,
        ["list notnull"] = r => r.Scores != null
    };

    [Theory]
    [InlineData("string", "eq", "a")]
    [InlineData("string", "ne", "b,c")]
    [InlineData("string", "lt", "a")]
    [InlineData("string", "lte", "a,b")]
    [InlineData("string", "gt", "b")]
    [InlineData("string", "gte", "a,b")]
    [InlineData("string", "in", "b")]
    [InlineData("string", "beginswith", "a")]
    [InlineData("string", "between", "a")]
    [InlineData("string", "contains", "b")]
    [InlineData("string", "ncontains", "a,c")]
    [InlineData("string", "null", "c")]
    [InlineData("string", "notnull", "a,b")]
    [InlineData("binary", "eq", "a")]
    [InlineData("binary", "ne", "b,c")]
    [InlineData("binary", "in", "a")]
    [InlineData("binary", "contains", Refused)]
    [InlineData("binary", "ncontains", Refused)]
    [InlineData("binary", "null", "c")]
    [InlineData("binary", "notnull", "a,b")]
    [InlineData("int", "eq", "b")]
    [InlineData("int", "ne", "a,c")]
    [InlineData("int", "lt", "a")]
    [InlineData("int", "lte", "a,b")]
    [InlineData("int", "gt", "c")]
    [InlineData("int", "gte", "b,c")]
    [InlineData("int", "in", "a,c")]
    [InlineData("int", "between", "b,c")]
    [InlineData("int", "null", "")]
    [InlineData("int", "notnull", "a,b,c")]
    [InlineData("float", "eq", "b")]
    [InlineData("float", "ne", "a,c")]
    [InlineData("float", "lt", "a")]
    [InlineData("float", "lte", "a,b")]
    [InlineData("float", "gt", "c")]
    [InlineData("float", "gte", "b,c")]
    [InlineData("float", "in", "a,c")]
    [InlineData("float", "between", "b,c")]
    [InlineData("float", "null", "")]
    [InlineData("float", "notnull", "a,b,c")]
    [InlineData("decimal", "eq", "b")]
    [InlineData("decimal", "ne", "a,c")]
    [InlineData("decimal", "lt", "a")]
    [InlineData("decimal", "lte", "a,b")]
    [InlineData("decimal", "gt", "c")]
    [InlineData("decimal", "gte", "b,c")]
    [InlineData("decimal", "in", "a,c")]
    [InlineData("decimal", "between", "b,c")]
    [InlineData("decimal", "null", "")]
    [InlineData("decimal", "notnull", "a,b,c")]
    [InlineData("bool", "eq", "a")]
    [InlineData("bool", "ne", "b,c")]
    [InlineData("bool", "lt", Refused)]
    [InlineData("bool", "gte", Refused)]
    [InlineData("bool", "in", Refused)]
    [InlineData("bool", "null", "c")]
    [InlineData("bool", "notnull", "a,b")]
    [InlineData("datetime", "eq", "b")]
    [InlineData("datetime", "ne", "a,c")]
    [InlineData("datetime", "lt", "a")]
    [InlineData("datetime", "lte", "a,b")]
    [InlineData("datetime", "gt", "b")]
    [InlineData("datetime", "gte", "b")]
    [InlineData("datetime", "in", "b")]
    [InlineData("datetime", "between", "a,b")]
    [InlineData("datetime", "null", "c")]
    [InlineData("datetime", "notnull", "a,b")]
    [InlineData("date", "eq", "b")]
    [InlineData("date", "ne", "a,c")]
    [InlineData("date", "lt", "a")]
    [InlineData("date", "lte", "a,b")]
    [InlineData("date", "gt", "")]
    [InlineData("date", "gte", "b")]
    [InlineData("date", "in", "b")]
    [InlineData("date", "between", "a,b")]
    [InlineData("date", "null", "c")]
    [InlineData("date", "notnull", "a,b")]
    [InlineData("set", "eq", "b")]
    [InlineData("set", "ne", "a,c")]
    [InlineData("set", "in", Refused)]
    [InlineData("set", "contains", "a")]
    [InlineData("set", "ncontains", "b,c")]
    [InlineData("set", "null", "c")]
    [InlineData("set", "notnull", "a,b")]
    [InlineData("dict", "eq", "a")]
    [InlineData("dict", "ne", "b,c")]
    [InlineData("dict", "in", Refused)]
    [InlineData("dict", "contains", Refused)]
    [InlineData("dict", "ncontains", Refused)]
    [InlineData("dict", "null", "c")]
    [InlineData("dict", "notnull", "a,b")]
    [InlineData("list", "eq", "a")]
    [InlineData("list", "ne", "b,c")]
    [InlineData("list", "in", Refused)]
    [InlineData("list", "contains", "b")]
    [InlineData("list", "ncontains", "a,c")]
    [InlineData("list", "null", "")]
    [InlineData("list", "notnull", "a,b,c")]
    public async Task Filter_field(string type, string operation, string expected)
    {
        await using var db = fixture.CreateContext();
        var query = db.Rows.Where(Cases[type + " " + operation]);

        if (expected == Refused)
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => query.ToListAsync());
            Assert.Contains("could not be translated", error.Message, StringComparison.Ordinal);
            Assert.Contains("The filter '" + (operation == "ncontains" ? "contains" : operation) + "' cannot be applied to 'FilterRow.", error.Message, StringComparison.Ordinal);
            return;
        }

        var ids = (await query.Select(r => r.Id).ToListAsync()).Order(StringComparer.Ordinal);
        Assert.Equal(expected, string.Join(",", ids));
    }

    [Fact]
    public void Every_case_has_a_row()
        => Assert.Equal(
            Cases.Keys.Order(StringComparer.Ordinal),
            typeof(FilterFieldTests).GetMethod(nameof(Filter_field))!
                .GetCustomAttributes(typeof(InlineDataAttribute), false)
                .Cast<InlineDataAttribute>()
                .Select(d => d.GetData(null!).Single())
                .Select(row => row[0] + " " + row[1])
                .Order(StringComparer.Ordinal));
}
