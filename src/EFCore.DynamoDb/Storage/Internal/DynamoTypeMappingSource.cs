using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     The default CLR type ⇄ DynamoDB attribute mappings (Flywheel-compatible): strings, chars and Guids as S;
///     numbers, dates, times and enums as N; bool as BOOL; byte[] as B; sets, lists and dictionaries of those as
///     SS/NS/BS, L and M.
/// </summary>
public class DynamoTypeMappingSource(TypeMappingSourceDependencies dependencies) : TypeMappingSource(dependencies)
{
    private static readonly Dictionary<Type, DynamoTypeMapping> ScalarMappings = new DynamoValueCodec[]
        {
            DynamoStringCodecs.String,
            DynamoStringCodecs.Char,
            DynamoStringCodecs.Guid,
            DynamoBinaryCodecs.Boolean,
            new DynamoNumberCodec<byte>(),
            new DynamoNumberCodec<sbyte>(),
            new DynamoNumberCodec<short>(),
            new DynamoNumberCodec<ushort>(),
            new DynamoNumberCodec<int>(),
            new DynamoNumberCodec<uint>(),
            new DynamoNumberCodec<long>(),
            new DynamoNumberCodec<ulong>(),
            new DynamoNumberCodec<decimal>(),
            new DynamoNumberCodec<float>(),
            new DynamoNumberCodec<double>(),
            DynamoTimeCodecs.DateTime,
            DynamoTimeCodecs.DateTimeOffset,
            DynamoTimeCodecs.DateOnly,
            DynamoTimeCodecs.TimeOnly,
            DynamoTimeCodecs.TimeSpan
        }
        .Select(codec => new DynamoTypeMapping(codec))
        .Append(new DynamoTypeMapping(DynamoBinaryCodecs.Bytes, ValueComparer.CreateDefault<byte[]>(favorStructuralComparisons: true)))
        .ToDictionary(m => m.ClrType);

    /// <inheritdoc />
    protected override CoreTypeMapping? FindMapping(in TypeMappingInfo mappingInfo)
    {
        var clrType = mappingInfo.ClrType;
        if (clrType == null)
        {
            return null;
        }

        if (ScalarMappings.TryGetValue(clrType, out var mapping))
        {
            return mapping;
        }

        // Enums are stored as their number, as Flywheel stores them.
        if (clrType.IsEnum)
        {
            var numberMapping = ScalarMappings[Enum.GetUnderlyingType(clrType)];
            var converter = (ValueConverter)Activator.CreateInstance(
                typeof(EnumToNumberConverter<,>).MakeGenericType(clrType, numberMapping.ClrType), [null])!;
            return numberMapping.WithComposedConverter(converter, ValueComparer.CreateDefault(clrType, favorStructuralComparisons: false));
        }

        return DynamoCollectionMappings.Find(clrType, mappingInfo.ElementTypeMapping, FindMapping);
    }
}
