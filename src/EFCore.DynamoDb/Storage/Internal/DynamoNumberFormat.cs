using System.Numerics;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Formats numbers as DynamoDB <c>N</c> text: invariant culture, shortest exact round trip, and only values
///     DynamoDB can store (magnitudes from 1E-130 to below 1E+126; no NaN or infinity).
/// </summary>
public static class DynamoNumberFormat
{
    private const double MaxMagnitude = 1E+126;
    private const double MinMagnitude = 1E-130;

    /// <summary>
    ///     The <c>N</c> text of <paramref name="value" />; throws when DynamoDB cannot store it (NaN, infinity, or out
    ///     of range).
    /// </summary>
    public static string Format<T>(T value)
        where T : INumber<T>
    {
        if (!T.IsFinite(value) || (value is double d && !IsStorable(d)))
        {
            throw new ArgumentOutOfRangeException(
                nameof(value), value, DynamoStrings.NumberOutOfRange(value.ToString(null, CultureInfo.InvariantCulture)));
        }

        // .NET's default formatting of float and double is the shortest text that round-trips exactly.
        return value.ToString(null, CultureInfo.InvariantCulture);
    }

    /// <summary>
    ///     Reads <c>N</c> text as a <see cref="decimal" />, exact for the seven decimals a date or duration is stored
    ///     with.
    /// </summary>
    public static decimal ParseDecimal(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool IsStorable(double value)
    {
        var magnitude = Math.Abs(value);
        return magnitude < MaxMagnitude && (magnitude == 0 || magnitude >= MinMagnitude);
    }
}
