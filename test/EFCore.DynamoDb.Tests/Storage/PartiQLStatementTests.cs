using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EFCore.DynamoDb.Tests.Storage;

/// <summary>
///     How an interpolated PartiQL statement is split into text and parameters, which holes are refused, how a condition
///     is joined to a plain SELECT, and how values become parameters — without a database.
/// </summary>
public class PartiQLStatementTests
{
    [Fact]
    public void Every_value_hole_is_a_parameter_and_a_DbSet_hole_its_quoted_prefixed_table()
    {
        using var context = new OrderContext();
        var id = "o'1";

        var (statement, values) = DynamoPartiQLStatement.Parse($"SELECT * FROM {context.Orders} WHERE Id = {id} AND Total > {10} AND Tag = 'a{{b}}'");

        Assert.Equal("SELECT * FROM \"app-Orders\" WHERE Id = ? AND Total > ? AND Tag = 'a{b}'", statement.Render(context.GetService<IDynamoTableNameResolver>()));
        Assert.Equal("SELECT * FROM {Order} WHERE Id = ? AND Total > ? AND Tag = 'a{b}'", statement.Template);
        Assert.Equal(["o'1", 10], values);
        Assert.Equal(2, statement.ParameterCount);
    }

    [Fact]
    public void A_hole_after_a_doubled_quote_is_still_outside_the_literal()
    {
        var (statement, values) = DynamoPartiQLStatement.Parse($"SELECT * FROM \"t\" WHERE Note = 'it''s' AND Id = {1}");

        Assert.EndsWith("Id = ?", statement.Template, StringComparison.Ordinal);
        Assert.Equal([1], values);
    }

    [Fact]
    public void Holes_that_are_not_values_are_refused_by_number()
    {
        using var context = new OrderContext();

        Assert.Contains(
            "Hole 1",
            Assert.Throws<InvalidOperationException>(() => DynamoPartiQLStatement.Parse($"SELECT * FROM \"t\" WHERE Id = '{1}'")).Message,
            StringComparison.Ordinal);
        Assert.Contains(
            "Hole 2",
            Assert.Throws<InvalidOperationException>(() => DynamoPartiQLStatement.Parse($"SELECT * FROM \"t\" WHERE Id = {1} AND \"{"Name"}\" = 2")).Message,
            StringComparison.Ordinal);
        Assert.Contains(
            "format",
            Assert.Throws<InvalidOperationException>(() => DynamoPartiQLStatement.Parse($"SELECT * FROM \"t\" WHERE Total = {1.5:N2}")).Message,
            StringComparison.Ordinal);
        Assert.Contains(
            "holds a query",
            Assert.Throws<InvalidOperationException>(() => DynamoPartiQLStatement.Parse($"SELECT * FROM {context.Orders.Where(o => o.Total > 1)}")).Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT * FROM \"t\"", true, false)]
    [InlineData("select Id, Total from \"t\" where Id = ?", true, true)]
    [InlineData("SELECT * FROM \"t\" WHERE \"ORDER\" = 'ORDER BY'", true, true)]
    [InlineData("SELECT * FROM \"t\" WHERE Id = ? ORDER BY Sk DESC", false, false)]
    [InlineData("UPDATE \"t\" SET A = ? WHERE Id = ?", false, false)]
    public void Only_a_plain_SELECT_takes_a_condition(string statement, bool composable, bool hasWhere)
    {
        Assert.Equal(composable, DynamoPartiQLComposition.IsComposable(statement));
        Assert.Equal(hasWhere, DynamoPartiQLComposition.HasWhere(statement));
    }

    [Fact]
    public void A_condition_is_joined_to_the_statement_s_own_parenthesized_or_becomes_its_WHERE()
    {
        Assert.Equal(
            "SELECT * FROM \"t\" WHERE (Id = ? OR Id = ?) AND (\"Total\" > ?)",
            DynamoPartiQLComposition.AndWhere("SELECT * FROM \"t\" WHERE Id = ? OR Id = ?;", "\"Total\" > ?"));
        Assert.Equal("SELECT * FROM \"t\" WHERE \"Total\" > ?", DynamoPartiQLComposition.AndWhere("SELECT * FROM \"t\" ", "\"Total\" > ?"));
    }

    [Fact]
    public void Values_are_converted_by_their_type_as_properties_of_that_type_are_stored()
    {
        using var context = new OrderContext();
        var (statement, values) = DynamoPartiQLStatement.Parse(
            $"SELECT * FROM \"t\" WHERE A = {"x"} AND B = {42} AND C = {true} AND D = {new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)} AND E = {null} AND F = {new AttributeValue { N = "7" }}");

        var parameters = DynamoPartiQLValues.ToParameters(statement, values, context.GetService<ITypeMappingSource>());

        Assert.Equal("x", parameters[0].S);
        Assert.Equal("42", parameters[1].N);
        Assert.True(parameters[2].BOOL);
        Assert.Equal("1577836800", parameters[3].N);
        Assert.True(parameters[4].NULL);
        Assert.Equal("7", parameters[5].N);
    }

    [Fact]
    public void A_value_of_a_type_the_provider_cannot_store_is_refused_by_hole()
    {
        using var context = new OrderContext();
        var (statement, values) = DynamoPartiQLStatement.Parse($"SELECT * FROM \"t\" WHERE A = {new object()}");

        Assert.Contains(
            "Hole 1",
            Assert.Throws<InvalidOperationException>(() => DynamoPartiQLValues.ToParameters(statement, values, context.GetService<ITypeMappingSource>())).Message,
            StringComparison.Ordinal);
    }

    public class Order
    {
        public string Id { get; set; } = "";

        public decimal Total { get; set; }
    }

    private sealed class OrderContext : DbContext
    {
        public DbSet<Order> Orders => Set<Order>();

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            => optionsBuilder.UseDynamoDb(o => o.ServiceUrl("http://127.0.0.1:1").TableNamePrefix("app-"));
    }
}
