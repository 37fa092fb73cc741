using Amazon.DynamoDBv2.Model;
using EFCore.DynamoDb.Storage.Internal;

namespace EFCore.DynamoDb.Tests.Storage;

/// <summary>The codecs behind the type mappings, without a database.</summary>
public class TypeMappingTests
{
    [Theory]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1e-5, "1E-05")]
    [InlineData(-1.5e100, "-1.5E+100")]
    [InlineData(0.0, "0")]
    public void Doubles_use_the_shortest_exact_invariant_text(double value, string expected)
        => Assert.Equal(expected, DynamoNumberFormat.Format(value));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e126)]
    [InlineData(1e-131)]
    public void Numbers_outside_DynamoDBs_range_are_refused(double value)
        => Assert.Throws<ArgumentOutOfRangeException>(() => DynamoNumberFormat.Format(value));

    [Fact]
    public void Decimals_keep_every_digit_under_any_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("0.1234567890123456789012345678", new DynamoNumberCodec<decimal>().Write(0.1234567890123456789012345678m).N);
            Assert.Equal(1.5m, new DynamoNumberCodec<decimal>().Read(new AttributeValue { N = "1.5" }));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void An_integer_refuses_a_fraction()
        => Assert.ThrowsAny<Exception>(() => new DynamoNumberCodec<int>().Read(new AttributeValue { N = "1.5" }));

    [Fact]
    public void A_string_attribute_is_not_read_as_a_number()
    {
        var error = Assert.Throws<FormatException>(() => new DynamoNumberCodec<int>().Read(new AttributeValue { S = "1" }));
        Assert.Contains("Expected a DynamoDB attribute of type N but found S", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Times_are_epoch_seconds_exact_to_the_tick()
    {
        var instant = new DateTime(2015, 9, 15, 17, 24, 31, DateTimeKind.Utc).AddTicks(1);

        var stored = DynamoTimeCodecs.DateTime.Write(instant);

        Assert.Equal("1442337871.0000001", stored.N);
        Assert.Equal(instant, DynamoTimeCodecs.DateTime.Read(stored));
        Assert.Equal(DateTimeKind.Utc, ((DateTime)DynamoTimeCodecs.DateTime.Read(stored)).Kind);
    }

    [Fact]
    public void An_offset_is_stored_as_its_instant()
    {
        var offset = new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.FromHours(2));

        var read = (DateTimeOffset)DynamoTimeCodecs.DateTimeOffset.Read(DynamoTimeCodecs.DateTimeOffset.Write(offset));

        Assert.Equal(offset, read);
        Assert.Equal(TimeSpan.Zero, read.Offset);
    }

    [Fact]
    public void Dates_before_the_epoch_round_trip()
    {
        var date = new DateOnly(1969, 7, 20);

        var stored = DynamoTimeCodecs.DateOnly.Write(date);

        Assert.Equal("-14256000", stored.N);
        Assert.Equal(date, DynamoTimeCodecs.DateOnly.Read(stored));
    }
}
