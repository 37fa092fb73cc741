using System.Linq.Expressions;
using EFCore.DynamoDb.Storage.Internal.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace EFCore.DynamoDb.Tests.Storage;

/// <summary>Expression nodes over a small model, for the renderer and visitor tests.</summary>
internal static class ExpressionTestModel
{
    public static readonly IEntityType Score = CreateModel().FindEntityType(typeof(GameScore))!;

    public static DynamoAttributeExpression Attribute(string propertyName) => new(Score.FindProperty(propertyName)!);

    public static DynamoValueExpression Constant(string propertyName, object? value)
        => new(Expression.Constant(value), Score.FindProperty(propertyName)!);

    public static DynamoValueExpression Parameter(string propertyName, string parameterName)
        => new(new QueryParameterExpression(parameterName, Score.FindProperty(propertyName)!.ClrType), Score.FindProperty(propertyName)!);

    public static DynamoComparisonExpression Compare(string propertyName, DynamoComparisonOperator op, object? value)
        => new(Attribute(propertyName), op, Constant(propertyName, value));

    private static IModel CreateModel()
    {
        using var context = new ScoreContext();
        return context.Model;
    }

    public sealed class GameScore
    {
        public string UserId { get; set; } = "";

        public string Title { get; set; } = "";

        public int Wins { get; set; }

        public string? Name { get; set; }

        public HashSet<string> Tags { get; set; } = [];

        public Dictionary<string, string> Labels { get; set; } = [];
    }

    private sealed class ScoreContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            => optionsBuilder.UseDynamoDb(o => o.ServiceUrl("http://127.0.0.1:1"));

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<GameScore>(e =>
            {
                e.HasPartitionKey(s => s.UserId);
                e.HasSortKey(s => s.Title);
            });
    }
}
