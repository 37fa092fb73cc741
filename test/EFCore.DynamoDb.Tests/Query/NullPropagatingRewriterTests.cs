using System.Linq.Expressions;
using System.Reflection;
using EFCore.DynamoDb.Query.Internal;
using EFCore.DynamoDb.Query.Internal.Expressions;
using static EFCore.DynamoDb.Tests.Storage.ExpressionTestModel;

namespace EFCore.DynamoDb.Tests.Query;

/// <summary>Client projections over projected values that may be null: null in, null out, as a database computes it.</summary>
public class NullPropagatingRewriterTests
{
    private static readonly MethodInfo ToUpperInvariant = typeof(string).GetMethod(nameof(string.ToUpperInvariant), Type.EmptyTypes)!;

    private static readonly MethodInfo IsNullOrEmpty = typeof(string).GetMethod(nameof(string.IsNullOrEmpty))!;

    private static readonly Expression Name = new DynamoPropertyReadExpression(Score.FindProperty("Name")!, typeof(string));

    private static readonly Expression NullableWins = new DynamoPropertyReadExpression(Score.FindProperty("Wins")!, typeof(int?));

    [Fact]
    public void A_member_of_a_null_value_cast_to_a_nullable_type_is_null()
    {
        var length = Expression.Convert(Expression.Property(Name, nameof(string.Length)), typeof(int?));

        Assert.Null(Evaluate(length, name: null));
        Assert.Equal(3, Evaluate(length, name: "abc"));
    }

    [Fact]
    public void A_chain_of_members_and_methods_of_a_null_value_is_null()
    {
        var upperLength = Expression.Convert(Expression.Property(Expression.Call(Name, ToUpperInvariant), nameof(string.Length)), typeof(int?));

        Assert.Null(Evaluate(Expression.Call(Name, ToUpperInvariant), name: null));
        Assert.Equal("ABC", Evaluate(Expression.Call(Name, ToUpperInvariant), name: "abc"));
        Assert.Null(Evaluate(upperLength, name: null));
    }

    [Fact]
    public void A_member_of_a_null_value_needed_as_a_value_throws_InvalidOperationException_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Evaluate(Expression.Property(Name, nameof(string.Length)), name: null));

        Assert.Contains("'GameScore.Name.Length'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'int?'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Static_methods_and_Nullable_members_see_the_null_as_CSharp_does()
    {
        Assert.Equal(true, Evaluate(Expression.Call(IsNullOrEmpty, Name), name: null));
        Assert.Equal(false, Evaluate(Expression.Property(NullableWins, nameof(Nullable<int>.HasValue)), wins: null));
        Assert.Equal(0, Evaluate(Expression.Call(NullableWins, nameof(Nullable<int>.GetValueOrDefault), Type.EmptyTypes), wins: null));
    }

    [Fact]
    public void The_value_of_a_null_nullable_carries_the_null_to_a_nullable_result()
    {
        var widened = Expression.Convert(Expression.Convert(Expression.Property(NullableWins, nameof(Nullable<int>.Value)), typeof(long)), typeof(long?));
        var value = Expression.Convert(Expression.Property(NullableWins, nameof(Nullable<int>.Value)), typeof(int?));

        Assert.Null(Evaluate(value, wins: null));
        Assert.Equal(7, Evaluate(value, wins: 7));
        Assert.Throws<InvalidOperationException>(() => Evaluate(widened, wins: null));
    }

    // Rewrites the projection, then reads the given values in place of the item's attributes.
    private static object? Evaluate(Expression projection, string? name = null, int? wins = null)
    {
        var rewritten = new DynamoNullPropagatingRewriter().Visit(projection);
        var body = new ReadReplacer(name, wins).Visit(rewritten);
        return Expression.Lambda<Func<object?>>(Expression.Convert(body, typeof(object))).Compile()();
    }

    private sealed class ReadReplacer(string? name, int? wins) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node)
            => node is DynamoPropertyReadExpression read
                ? Expression.Constant(read.Property.Name == "Name" ? name : wins, read.Type)
                : base.VisitExtension(node);
    }
}
