namespace EFCore.DynamoDb.FunctionalTests;

public enum Color : byte
{
    Red,
    Green,
    Blue
}

public enum Planet : long
{
    Mercury = long.MinValue,
    Earth = 3,
    Neptune = long.MaxValue
}

public readonly record struct Money(decimal Amount);

/// <summary>One property of every built-in mapped type, and its nullable form.</summary>
public class AllTypes
{
    public string Id { get; set; } = null!;

    public string String { get; set; } = null!;
    public char Char { get; set; }
    public Guid Guid { get; set; }
    public byte Byte { get; set; }
    public sbyte SByte { get; set; }
    public short Int16 { get; set; }
    public ushort UInt16 { get; set; }
    public int Int32 { get; set; }
    public uint UInt32 { get; set; }
    public long Int64 { get; set; }
    public ulong UInt64 { get; set; }
    public decimal Decimal { get; set; }
    public float Single { get; set; }
    public double Double { get; set; }
    public bool Boolean { get; set; }
    public byte[] Bytes { get; set; } = null!;
    public DateTime DateTime { get; set; }
    public DateTimeOffset DateTimeOffset { get; set; }
    public DateOnly DateOnly { get; set; }
    public TimeOnly TimeOnly { get; set; }
    public TimeSpan TimeSpan { get; set; }
    public Color Color { get; set; }
    public Planet Planet { get; set; }
    public Color ConvertedEnum { get; set; }
    public Money Money { get; set; }

    public string? NullableString { get; set; }
    public char? NullableChar { get; set; }
    public Guid? NullableGuid { get; set; }
    public byte? NullableByte { get; set; }
    public sbyte? NullableSByte { get; set; }
    public short? NullableInt16 { get; set; }
    public ushort? NullableUInt16 { get; set; }
    public int? NullableInt32 { get; set; }
    public uint? NullableUInt32 { get; set; }
    public long? NullableInt64 { get; set; }
    public ulong? NullableUInt64 { get; set; }
    public decimal? NullableDecimal { get; set; }
    public float? NullableSingle { get; set; }
    public double? NullableDouble { get; set; }
    public bool? NullableBoolean { get; set; }
    public byte[]? NullableBytes { get; set; }
    public DateTime? NullableDateTime { get; set; }
    public DateTimeOffset? NullableDateTimeOffset { get; set; }
    public DateOnly? NullableDateOnly { get; set; }
    public TimeOnly? NullableTimeOnly { get; set; }
    public TimeSpan? NullableTimeSpan { get; set; }
    public Color? NullableColor { get; set; }

    public static AllTypes Min(string id)
        => new()
        {
            Id = id, String = "", Char = char.MinValue, Guid = Guid.Empty, Byte = byte.MinValue, SByte = sbyte.MinValue,
            Int16 = short.MinValue, UInt16 = ushort.MinValue, Int32 = int.MinValue, UInt32 = uint.MinValue, Int64 = long.MinValue,
            UInt64 = ulong.MinValue, Decimal = decimal.MinValue, Single = float.MinValue, Double = -9.99999999999999E+125,
            Boolean = false, Bytes = [], DateTime = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc),
            DateTimeOffset = DateTimeOffset.MinValue, DateOnly = DateOnly.MinValue, TimeOnly = TimeOnly.MinValue,
            TimeSpan = TimeSpan.MinValue, Color = Color.Red, Planet = Planet.Mercury, ConvertedEnum = Color.Red, Money = new Money(-0.01m),
            NullableString = "", NullableChar = char.MinValue, NullableGuid = Guid.Empty, NullableByte = byte.MinValue,
            NullableSByte = sbyte.MinValue, NullableInt16 = short.MinValue, NullableUInt16 = ushort.MinValue, NullableInt32 = int.MinValue,
            NullableUInt32 = uint.MinValue, NullableInt64 = long.MinValue, NullableUInt64 = ulong.MinValue, NullableDecimal = decimal.MinValue,
            NullableSingle = float.Epsilon, NullableDouble = 1E-130, NullableBoolean = false, NullableBytes = [0],
            NullableDateTime = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), NullableDateTimeOffset = DateTimeOffset.MinValue,
            NullableDateOnly = DateOnly.MinValue, NullableTimeOnly = TimeOnly.MinValue, NullableTimeSpan = TimeSpan.MinValue,
            NullableColor = Color.Red
        };

    public static AllTypes Max(string id)
        => new()
        {
            Id = id, String = new string('z', 1000), Char = char.MaxValue, Guid = Guid.AllBitsSet, Byte = byte.MaxValue, SByte = sbyte.MaxValue,
            Int16 = short.MaxValue, UInt16 = ushort.MaxValue, Int32 = int.MaxValue, UInt32 = uint.MaxValue, Int64 = long.MaxValue,
            UInt64 = ulong.MaxValue, Decimal = decimal.MaxValue, Single = float.MaxValue, Double = 9.99999999999999E+125,
            Boolean = true, Bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(),
            DateTime = DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), DateTimeOffset = DateTimeOffset.MaxValue,
            DateOnly = DateOnly.MaxValue, TimeOnly = TimeOnly.MaxValue, TimeSpan = TimeSpan.MaxValue, Color = Color.Blue,
            Planet = Planet.Neptune, ConvertedEnum = Color.Blue, Money = new Money(92233720368547758.07m),
            NullableString = "🦄 ünïcödé 日本語", NullableChar = char.MaxValue, NullableGuid = Guid.AllBitsSet, NullableByte = byte.MaxValue,
            NullableSByte = sbyte.MaxValue, NullableInt16 = short.MaxValue, NullableUInt16 = ushort.MaxValue, NullableInt32 = int.MaxValue,
            NullableUInt32 = uint.MaxValue, NullableInt64 = long.MaxValue, NullableUInt64 = ulong.MaxValue, NullableDecimal = decimal.MaxValue,
            NullableSingle = float.MaxValue, NullableDouble = double.Epsilon * 0 + 1.7976931348623157E+125, NullableBoolean = true,
            NullableBytes = [255], NullableDateTime = DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
            NullableDateTimeOffset = DateTimeOffset.MaxValue, NullableDateOnly = DateOnly.MaxValue, NullableTimeOnly = TimeOnly.MaxValue,
            NullableTimeSpan = TimeSpan.MaxValue, NullableColor = Color.Blue
        };

    public static AllTypes Typical(string id)
        => new()
        {
            Id = id, String = "Galaxy Invaders — 銀河 🚀", Char = 'é', Guid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), Byte = 42,
            SByte = -42, Int16 = -1234, UInt16 = 1234, Int32 = 5842, UInt32 = 3_000_000_000, Int64 = -9_000_000_000, UInt64 = 12_345_678_901_234_567_890,
            Decimal = 0.1234567890123456789012345678m, Single = 3.14159274f, Double = 0.1 + 0.2, Boolean = true, Bytes = [1, 2, 3],
            DateTime = new DateTime(2015, 9, 15, 17, 24, 31, DateTimeKind.Utc).AddTicks(1234567),
            DateTimeOffset = new DateTimeOffset(2015, 9, 15, 17, 24, 31, TimeSpan.Zero).AddTicks(7654321),
            DateOnly = new DateOnly(1969, 7, 20), TimeOnly = new TimeOnly(23, 59, 59, 999).Add(TimeSpan.FromTicks(9999)),
            TimeSpan = TimeSpan.FromTicks(-1234567890123), Color = Color.Green, Planet = Planet.Earth, ConvertedEnum = Color.Green,
            Money = new Money(5.5m), NullableDouble = -0.5, NullableDecimal = -1.5m
        };

    public static void AssertEqual(AllTypes expected, AllTypes actual)
    {
        foreach (var property in typeof(AllTypes).GetProperties())
        {
            var expectedValue = property.GetValue(expected);
            var actualValue = property.GetValue(actual);
            if (expectedValue is byte[] expectedBytes)
            {
                Assert.Equal(expectedBytes, (byte[]?)actualValue);
            }
            else if (expectedValue is DateTimeOffset expectedOffset)
            {
                Assert.Equal(expectedOffset.UtcTicks, ((DateTimeOffset)actualValue!).UtcTicks);
            }
            else
            {
                Assert.True(Equals(expectedValue, actualValue), $"{property.Name}: expected {expectedValue}, got {actualValue}");
            }
        }
    }
}
