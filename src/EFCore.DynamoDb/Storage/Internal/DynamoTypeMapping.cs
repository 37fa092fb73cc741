using Amazon.DynamoDBv2.Model;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>
///     Maps a CLR type to a DynamoDB attribute. The codec works on the provider type; an EF value converter,
///     when there is one, runs between the model value and the codec.
/// </summary>
public class DynamoTypeMapping : CoreTypeMapping
{
    /// <summary>
    ///     A mapping that stores its CLR type through <paramref name="codec" />; a collection's mapping also gives its
    ///     elements' mapping.
    /// </summary>
    public DynamoTypeMapping(DynamoValueCodec codec, ValueComparer? comparer = null, CoreTypeMapping? elementMapping = null)
        : this(new CoreTypeMappingParameters(codec.ClrType, converter: null, comparer, keyComparer: comparer, elementMapping: elementMapping), codec)
    {
    }

    /// <summary>A copy of a mapping with other parameters, such as a value converter, keeping its codec.</summary>
    protected DynamoTypeMapping(CoreTypeMappingParameters parameters, DynamoValueCodec codec)
        : base(parameters)
        => Codec = codec;

    /// <summary>
    ///     Converts the provider value (the model value after any value converter) to and from its attribute.
    /// </summary>
    public virtual DynamoValueCodec Codec { get; }

    /// <summary>The attribute type (S, N, B or BOOL) this mapping stores.</summary>
    public virtual DynamoScalarType ScalarType => Codec.ScalarType;

    /// <summary>Converts a model value to its attribute; <see langword="null" /> means the attribute is absent.</summary>
    public virtual AttributeValue? ToAttributeValue(object? value)
    {
        if (value == null)
        {
            return null;
        }

        var providerValue = Converter == null ? value : Converter.ConvertToProvider(value);
        return providerValue == null || Codec.IsWrittenAsAbsent(providerValue) ? null : Codec.Write(providerValue);
    }

    /// <summary>
    ///     Converts the current value of <paramref name="storedProperty" /> (of this mapping) in <paramref name="entry" />; a
    ///     value of a non-nullable value type stored without a converter is read typed, so it is not boxed.
    /// </summary>
    public virtual AttributeValue? CurrentValueToAttributeValue(IUpdateEntry entry, IProperty storedProperty)
        => Converter == null && storedProperty.ClrType == Codec.ClrType && Codec.ClrType.IsValueType
            ? Codec.WriteCurrentValue(entry, storedProperty)
            : ToAttributeValue(entry.GetCurrentValue(storedProperty));

    /// <summary>Converts an attribute back to a model value; an absent or NULL attribute is <see langword="null" />.</summary>
    public virtual object? FromAttributeValue(AttributeValue? value)
    {
        if (value == null || value.NULL == true)
        {
            return null;
        }

        var providerValue = Codec.Read(value);
        return Converter == null ? providerValue : Converter.ConvertFromProvider(providerValue);
    }

    /// <summary>The value of a required property whose attribute is absent (an empty set; otherwise the CLR default).</summary>
    public virtual object? FromAbsentAttribute() => Converter == null ? Codec.ReadAbsent() : null;

    /// <inheritdoc />
    public override CoreTypeMapping WithComposedConverter(
        ValueConverter? converter,
        ValueComparer? comparer = null,
        ValueComparer? keyComparer = null,
        CoreTypeMapping? elementMapping = null,
        JsonValueReaderWriter? jsonValueReaderWriter = null)
        => new DynamoTypeMapping(
            Parameters.WithComposedConverter(converter, comparer, keyComparer, elementMapping, jsonValueReaderWriter), Codec);

    /// <inheritdoc />
    protected override CoreTypeMapping Clone(CoreTypeMappingParameters parameters) => new DynamoTypeMapping(parameters, Codec);
}
