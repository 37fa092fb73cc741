using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Stores dates as whole seconds since the Unix epoch, the only form DynamoDB's time to live accepts (the default
///     date codec keeps seven decimals). Fractions of a second are dropped; values read back as UTC.
/// </summary>
public static class DynamoEpochSecondsConverters
{
    /// <summary><see cref="System.DateTime" /> as epoch seconds; read back as UTC.</summary>
    public static ValueConverter DateTime { get; } = new ValueConverter<DateTime, long>(
        value => FromDateTime(value),
        seconds => System.DateTime.UnixEpoch.AddSeconds(seconds));

    /// <summary><see cref="System.DateTimeOffset" /> as epoch seconds; read back with a zero offset.</summary>
    public static ValueConverter DateTimeOffset { get; } = new ValueConverter<DateTimeOffset, long>(
        value => value.ToUnixTimeSeconds(),
        seconds => System.DateTimeOffset.FromUnixTimeSeconds(seconds));

    /// <summary>The converter for a property type, or <see langword="null" /> when the type is stored as a number already.</summary>
    public static ValueConverter? For(Type clrType)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        return type == typeof(DateTime) ? DateTime
            : type == typeof(DateTimeOffset) ? DateTimeOffset
            : null;
    }

    /// <summary>The epoch seconds of a date; a naive (unspecified) value is taken as UTC, as the default date codec does.</summary>
    public static long FromDateTime(DateTime value)
        => new DateTimeOffset(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : System.DateTime.SpecifyKind(value, DateTimeKind.Utc))
            .ToUnixTimeSeconds();
}
