using System.Linq.Expressions;
using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Storage.Internal.Expressions;
using static EFCore.DynamoDb.Storage.Internal.Expressions.DynamoComparisonOperator;
using static EFCore.DynamoDb.Tests.Storage.ExpressionTestModel;

namespace EFCore.DynamoDb.Tests.Query;

/// <summary>Conditions compiled into tests of returned items, with DynamoDB's semantics.</summary>
public class ItemPredicateCompilerTests
{
    private static readonly Dictionary<string, AttributeValue> Item = new()
    {
        ["UserId"] = new AttributeValue { S = "u" },
        ["Wins"] = new AttributeValue { N = "5" },
        ["Tags"] = new AttributeValue { SS = ["a", "b"] },
        ["Labels"] = new AttributeValue { M = new Dictionary<string, AttributeValue> { ["k"] = new() { S = "v" } } }
    };

    private static readonly string?[] XOrNull = ["x", null];

    private static readonly string[] OnlyX = ["x"];

    public static TheoryData<DynamoExpression, bool> Conditions()
        => new()
        {
            { Compare("Wins", GreaterThan, 4), true },
            { Compare("Wins", LessThan, 4), false },
            { Compare("Name", Equal, null), true },
            { Compare("Name", NotEqual, null), false },
            { Compare("Name", NotEqual, "x"), true },
            { Compare("Name", Equal, "x"), false },
            { new DynamoNotExpression(Compare("Wins", Equal, 5)), false },
            { new DynamoLogicalExpression(Compare("Wins", Equal, 1), isAnd: false, Compare("UserId", Equal, "u")), true },
            { DynamoConjunctionExpression.Of([Compare("Wins", Equal, 5), Compare("UserId", Equal, "x")])!, false },
            { new DynamoBetweenExpression(Attribute("Wins"), Constant("Wins", 1), Constant("Wins", 5)), true },
            { new DynamoFunctionExpression(DynamoFunction.BeginsWith, Attribute("UserId"), Constant("UserId", "u")), true },
            { new DynamoFunctionExpression(DynamoFunction.Contains, Attribute("Tags"), new DynamoValueExpression(Expression.Constant("b"), Attribute("Tags").Property, Attribute("Tags").ElementMapping!)), true },
            { new DynamoSizeExpression(Attribute("Tags"), Equal, Constant("Wins", 2)), true },
            { new DynamoInExpression(Attribute("Name"), Expression.Constant(XOrNull)), true },
            { new DynamoInExpression(Attribute("UserId"), Expression.Constant(OnlyX)), false },
            { new DynamoAttributeExistsExpression(new DynamoPathExpression([Expression.Constant("Labels"), Expression.Constant("k")], "Labels[k]"), exists: true), true },
            { new DynamoKeyConditionExpression(Compare("UserId", Equal, "u"), Compare("Wins", GreaterThanOrEqual, 5)), true }
        };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void A_condition_holds_on_an_item_as_DynamoDB_evaluates_it(DynamoExpression condition, bool expected)
        => Assert.Equal(expected, DynamoItemPredicateCompiler.Compile(condition, new Dictionary<string, object?>())(Item));

    [Fact]
    public void Parameters_are_evaluated_once_for_all_items()
    {
        var parameters = new CountingParameters(new Dictionary<string, object?> { ["wins"] = 5 });
        var test = DynamoItemPredicateCompiler.Compile(new DynamoComparisonExpression(Attribute("Wins"), Equal, Parameter("Wins", "wins")), parameters);

        Assert.True(test(Item));
        Assert.True(test(Item));
        Assert.Equal(1, parameters.Reads);
    }

    private sealed class CountingParameters(Dictionary<string, object?> values) : IReadOnlyDictionary<string, object?>
    {
        public int Reads { get; private set; }

        public object? this[string key]
        {
            get
            {
                Reads++;
                return values[key];
            }
        }

        public IEnumerable<string> Keys => values.Keys;

        public IEnumerable<object?> Values => values.Values;

        public int Count => values.Count;

        public bool ContainsKey(string key) => values.ContainsKey(key);

        public bool TryGetValue(string key, out object? value)
        {
            Reads++;
            return values.TryGetValue(key, out value);
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
