using EFCore.DynamoDb.FunctionalTests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.FunctionalTests.Storage;

/// <summary>Every built-in scalar mapping round-trips exactly, including null, extremes and Unicode.</summary>
public class BuiltInDataTypesTests : IClassFixture<BuiltInDataTypesTests.Fixture>
{
    private readonly Fixture _fixture;

    public BuiltInDataTypesTests(Fixture fixture)
    {
        _fixture = fixture;
        _fixture.Store.Recorder.Clear();
    }

    public static TheoryData<string> Samples => new() { "min", "max", "typical" };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Every_type_round_trips_exactly(string sample)
    {
        var expected = sample switch
        {
            "min" => AllTypes.Min($"min-{Guid.NewGuid():N}"),
            "max" => AllTypes.Max($"max-{Guid.NewGuid():N}"),
            _ => AllTypes.Typical($"typical-{Guid.NewGuid():N}")
        };

        await using (var db = _fixture.CreateContext())
        {
            db.AllTypes.Add(expected);
            await db.SaveChangesAsync();
        }

        await using (var db = _fixture.CreateContext())
        {
            var actual = await db.AllTypes.SingleAsync(e => e.Id == expected.Id);
            AllTypes.AssertEqual(expected, actual);
        }
    }

    [Fact]
    public void Nulls_are_absent_attributes_and_read_back_as_null_sync()
    {
        var expected = new AllTypes { Id = $"nulls-{Guid.NewGuid():N}", String = "not null", Bytes = [] };
        using (var db = _fixture.CreateContext())
        {
            db.AllTypes.Add(expected);
            db.SaveChanges();
        }

        var put = _fixture.Store.Recorder.Requests.Single(r => r.Operation == "PutItem");
        Assert.DoesNotContain("NullableInt", put.Expressions, StringComparison.Ordinal);
        Assert.Contains("Int32", put.Expressions, StringComparison.Ordinal);

        using (var db = _fixture.CreateContext())
        {
            var actual = db.AllTypes.Single(e => e.Id == expected.Id);
            AllTypes.AssertEqual(expected, actual);
            Assert.Null(actual.NullableInt32);
            Assert.Null(actual.NullableDateTime);
            Assert.Null(actual.NullableString);
            Assert.Empty(actual.Bytes);
        }
    }

    [Fact]
    public async Task Dates_are_stored_as_epoch_seconds_exact_to_the_tick()
    {
        var id = $"epoch-{Guid.NewGuid():N}";
        await using (var db = _fixture.CreateContext())
        {
            db.AllTypes.Add(new AllTypes
            {
                Id = id,
                String = "x",
                Bytes = [1],
                DateTime = new DateTime(2015, 9, 15, 17, 24, 31, DateTimeKind.Utc).AddTicks(1234567),
                DateOnly = new DateOnly(1970, 1, 2)
            });
            await db.SaveChangesAsync();
        }

        var item = await _fixture.GetRawItemAsync(id);
        Assert.Equal("1442337871.1234567", item["DateTime"].N);
        Assert.Equal("86400", item["DateOnly"].N);
    }

    [Fact]
    public async Task Local_times_are_stored_as_UTC_and_read_back_as_UTC()
    {
        var local = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Local);
        var id = $"local-{Guid.NewGuid():N}";
        await using (var db = _fixture.CreateContext())
        {
            db.AllTypes.Add(new AllTypes { Id = id, String = "x", Bytes = [1], DateTime = local });
            await db.SaveChangesAsync();
        }

        await using (var db = _fixture.CreateContext())
        {
            var actual = await db.AllTypes.SingleAsync(e => e.Id == id);
            Assert.Equal(DateTimeKind.Utc, actual.DateTime.Kind);
            Assert.Equal(local.ToUniversalTime(), actual.DateTime);
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.MaxValue)]
    [InlineData(double.Epsilon)]
    public async Task Numbers_DynamoDB_cannot_store_are_refused_before_any_request(double value)
    {
        await using var db = _fixture.CreateContext();
        db.AllTypes.Add(new AllTypes { Id = $"nan-{Guid.NewGuid():N}", String = "x", Bytes = [1], Double = value });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("AllTypes.Double", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fixture.Store.Recorder.Requests);
    }

    [Fact]
    public async Task Value_converters_are_honoured_when_saving_querying_and_reading()
    {
        var id = $"conv-{Guid.NewGuid():N}";
        await using (var db = _fixture.CreateContext())
        {
            db.AllTypes.Add(new AllTypes { Id = id, String = "x", Bytes = [1], ConvertedEnum = Color.Green, Money = new Money(12.34m) });
            await db.SaveChangesAsync();
        }

        var item = await _fixture.GetRawItemAsync(id);
        Assert.Equal("Green", item["ConvertedEnum"].S);
        Assert.Equal("1234", item["Money"].N);

        await using (var db = _fixture.CreateContext())
        {
            var money = new Money(12.34m);
            var found = await db.AllTypes.Where(e => e.Id == id && e.ConvertedEnum == Color.Green && e.Money == money).ToListAsync();
            Assert.Equal(new Money(12.34m), Assert.Single(found).Money);
        }
    }

    [Fact]
    public async Task A_stored_value_of_the_wrong_type_fails_naming_the_property()
    {
        var id = $"bad-{Guid.NewGuid():N}";
        await using (var db = _fixture.CreateContext())
        {
            db.AllTypes.Add(new AllTypes { Id = id, String = "x", Bytes = [1] });
            await db.SaveChangesAsync();
            await db.Database.GetDynamoClient().UpdateItemAsync(
                db.Database.GetDynamoClient() is { } ? _fixture.TableName : "",
                new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> { ["Id"] = new() { S = id } },
                new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValueUpdate>
                {
                    ["Int32"] = new() { Action = Amazon.DynamoDBv2.AttributeAction.PUT, Value = new() { N = "1.5" } }
                });
        }

        await using (var db = _fixture.CreateContext())
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.AllTypes.SingleAsync(e => e.Id == id));
            Assert.Contains("AllTypes.Int32", error.Message, StringComparison.Ordinal);
        }
    }

    public class Fixture() : DynamoDbFixture<TypesContext>("types", options => new TypesContext(options))
    {
        public string TableName => Store.TablePrefix + "AllTypes";

        public Task<Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>> GetRawItemAsync(string id)
            => GetRawItemAsync("AllTypes", new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> { ["Id"] = new() { S = id } });
    }

    public class TypesContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<AllTypes> AllTypes => Set<AllTypes>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<AllTypes>(e =>
            {
                e.Property(x => x.ConvertedEnum).HasConversion<string>();
                e.Property(x => x.Money).HasConversion(m => (long)(m.Amount * 100), cents => new Money(cents / 100m));
            });
    }
}
