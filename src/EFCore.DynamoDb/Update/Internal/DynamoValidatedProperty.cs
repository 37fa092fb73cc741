namespace EFCore.DynamoDb.Update.Internal;

/// <summary>A property validation can fail on.</summary>
/// <param name="Property">The property.</param>
/// <param name="Required">Whether it must hold a value.</param>
/// <param name="MaxLength">Its maximum length, if any.</param>
public sealed record DynamoValidatedProperty(IProperty Property, bool Required, int? MaxLength);
