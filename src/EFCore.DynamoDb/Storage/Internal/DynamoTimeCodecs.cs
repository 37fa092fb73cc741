using Amazon.DynamoDBv2.Model;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Dates and times stored as <c>N</c>, as Flywheel stores them: seconds since the Unix epoch in UTC, with
///     seven decimals so that every value is exact to the tick. Durations and times of day are seconds too.
/// </summary>
public static class DynamoTimeCodecs
{
    private const decimal TicksPerSecond = System.TimeSpan.TicksPerSecond;

    /// <summary>
    ///     <see cref="System.DateTime" /> as epoch seconds in UTC; a naive value is taken as UTC, and values read back
    ///     as UTC.
    /// </summary>
    public static DynamoValueCodec DateTime { get; } = new DateTimeCodec();

    /// <summary>
    ///     <see cref="System.DateTimeOffset" /> as epoch seconds of its UTC instant; read back with a zero offset.
    /// </summary>
    public static DynamoValueCodec DateTimeOffset { get; } = new DateTimeOffsetCodec();

    /// <summary><see cref="System.DateOnly" /> as the epoch seconds of its midnight in UTC.</summary>
    public static DynamoValueCodec DateOnly { get; } = new DateOnlyCodec();

    /// <summary><see cref="System.TimeOnly" /> as seconds since midnight.</summary>
    public static DynamoValueCodec TimeOnly { get; } = new TimeOnlyCodec();

    /// <summary><see cref="System.TimeSpan" /> as seconds.</summary>
    public static DynamoValueCodec TimeSpan { get; } = new TimeSpanCodec();

    private static AttributeValue FromTicks(long ticks) => new() { N = DynamoNumberFormat.Format(ticks / TicksPerSecond) };

    private static long ToTicks(string text) => checked((long)(DynamoNumberFormat.ParseDecimal(text) * TicksPerSecond));

    private sealed class DateTimeCodec() : DynamoScalarCodec<DateTime>(DynamoScalarType.Number)
    {
        public override AttributeValue WriteScalar(DateTime value)
        {
            // A naive (unspecified) value is taken as UTC, as Flywheel does.
            var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
            return FromTicks(utc.Ticks - System.DateTime.UnixEpoch.Ticks);
        }

        public override DateTime ReadScalar(AttributeValue value)
            => new DateTime(ToTicks(ReadText(value)) + System.DateTime.UnixEpoch.Ticks, DateTimeKind.Utc);
    }

    private sealed class DateTimeOffsetCodec() : DynamoScalarCodec<DateTimeOffset>(DynamoScalarType.Number)
    {
        public override AttributeValue WriteScalar(DateTimeOffset value)
            => FromTicks(value.UtcTicks - System.DateTime.UnixEpoch.Ticks);

        public override DateTimeOffset ReadScalar(AttributeValue value)
            => new DateTimeOffset(ToTicks(ReadText(value)) + System.DateTime.UnixEpoch.Ticks, System.TimeSpan.Zero);
    }

    private sealed class DateOnlyCodec() : DynamoScalarCodec<DateOnly>(DynamoScalarType.Number)
    {
        private static readonly int EpochDayNumber = System.DateOnly.FromDateTime(System.DateTime.UnixEpoch).DayNumber;

        public override AttributeValue WriteScalar(DateOnly value)
            => new() { N = DynamoNumberFormat.Format((value.DayNumber - (long)EpochDayNumber) * 86_400L) };

        public override DateOnly ReadScalar(AttributeValue value)
            => System.DateOnly.FromDayNumber(
                EpochDayNumber + (int)Math.Floor(DynamoNumberFormat.ParseDecimal(ReadText(value)) / 86_400m));
    }

    private sealed class TimeOnlyCodec() : DynamoScalarCodec<TimeOnly>(DynamoScalarType.Number)
    {
        public override AttributeValue WriteScalar(TimeOnly value) => FromTicks(value.Ticks);

        public override TimeOnly ReadScalar(AttributeValue value) => new TimeOnly(ToTicks(ReadText(value)));
    }

    private sealed class TimeSpanCodec() : DynamoScalarCodec<TimeSpan>(DynamoScalarType.Number)
    {
        public override AttributeValue WriteScalar(TimeSpan value) => FromTicks(value.Ticks);

        public override TimeSpan ReadScalar(AttributeValue value) => new TimeSpan(ToTicks(ReadText(value)));
    }
}
