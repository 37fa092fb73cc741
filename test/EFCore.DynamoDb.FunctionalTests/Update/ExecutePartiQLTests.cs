using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.FunctionalTests.TestModels;
using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Update;

/// <summary>
///     ExecutePartiQL: a PartiQL INSERT, UPDATE or DELETE whose values are parameters, one ExecuteStatement, with the
///     count it can know and a clear error naming the statement when its condition fails.
/// </summary>
public class ExecutePartiQLTests : IClassFixture<GameFixture>
{
    private readonly GameFixture _fixture;

    public ExecutePartiQLTests(GameFixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    private List<Microsoft.EntityFrameworkCore.Diagnostics.DynamoRequestEventData> Statements
        => _fixture.Store.Recorder.Requests.Where(r => r.Operation == "ExecuteStatement").ToList();

    [Fact]
    public async Task An_insert_stores_values_with_quotes_and_PartiQL_syntax_literally()
    {
        await using var db = _fixture.CreateContext();
        const string title = "' OR 1=1 -- \"x\" ?";

        var count = await db.Database.ExecutePartiQLAsync(
            $"INSERT INTO {db.GameScores} VALUE {{'UserId': {"insert-user"}, 'Title': {title}, 'Wins': {7}, 'TopScoreTime': {new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)}}}");

        Assert.Equal(1, count);
        var stored = await _fixture.GetRawItemAsync(
            "GameScores", new Dictionary<string, AttributeValue> { ["UserId"] = new() { S = "insert-user" }, ["Title"] = new() { S = title } });
        Assert.Equal("7", stored["Wins"].N);
        Assert.Equal("1577836800", stored["TopScoreTime"].N);
        var request = Assert.Single(Statements);
        Assert.Contains("Statement: INSERT INTO \"" + _fixture.Store.TablePrefix + "GameScores\" VALUE {'UserId': ?, 'Title': ?, 'Wins': ?, 'TopScoreTime': ?}", request.Expressions, StringComparison.Ordinal);
        Assert.DoesNotContain("OR 1=1", request.Expressions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_insert_of_an_existing_key_fails_naming_the_statement_without_its_values()
    {
        await using var db = _fixture.CreateContext();

        var failure = await Assert.ThrowsAsync<DbUpdateException>(
            () => db.Database.ExecutePartiQLAsync($"INSERT INTO {db.GameScores} VALUE {{'UserId': {"101"}, 'Title': {"Starship X"}}}"));

        Assert.Contains("its condition failed", failure.Message, StringComparison.Ordinal);
        Assert.Contains("VALUE {'UserId': ?, 'Title': ?}", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Starship", failure.Message, StringComparison.Ordinal);
        Assert.Single(Statements);
    }

    [Fact]
    public void An_update_changes_the_item_and_counts_one_sync()
    {
        using var db = _fixture.CreateContext();

        var count = db.Database.ExecutePartiQL($"UPDATE {db.GameScores} SET Wins = Wins + {10} WHERE UserId = {"102"} AND Title = {"Alien Adventure"}");

        Assert.Equal(1, count);
        Assert.Equal(42, db.GameScores.AsNoTracking().Single(s => s.UserId == "102" && s.Title == "Alien Adventure").Wins);
    }

    [Fact]
    public async Task An_update_of_a_missing_item_fails_its_condition()
    {
        await using var db = _fixture.CreateContext();

        await Assert.ThrowsAsync<DbUpdateException>(
            () => db.Database.ExecutePartiQLAsync($"UPDATE {db.GameScores} SET Wins = {1} WHERE UserId = {"nobody"} AND Title = {"none"}"));
    }

    [Fact]
    public async Task A_delete_with_RETURNING_counts_the_items_it_deleted()
    {
        await using var db = _fixture.CreateContext();

        var first = await db.Database.ExecutePartiQLAsync(
            $"DELETE FROM {db.GameScores} WHERE UserId = {"103"} AND Title = {"Comet Quest"} RETURNING ALL OLD *");
        var again = await db.Database.ExecutePartiQLAsync(
            $"DELETE FROM {db.GameScores} WHERE UserId = {"103"} AND Title = {"Comet Quest"} RETURNING ALL OLD *");

        Assert.Equal(1, first);
        Assert.Equal(0, again);
        Assert.Equal(2, Statements.Count);
    }

    [Fact]
    public async Task A_select_is_refused_before_anything_is_sent()
    {
        await using var db = _fixture.CreateContext();

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Database.ExecutePartiQLAsync($"SELECT * FROM {db.GameScores}"));

        Assert.Contains("FromPartiQL", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(_fixture.Store.Recorder.Requests);
    }
}
