namespace EFCore.DynamoDb.Storage.Internal;

/// <summary>The DynamoDB attribute type a CLR value is stored as.</summary>
public enum DynamoScalarType
{
    /// <summary>String (<c>S</c>).</summary>
    String,

    /// <summary>Number (<c>N</c>).</summary>
    Number,

    /// <summary>Binary (<c>B</c>).</summary>
    Binary,

    /// <summary>Boolean (<c>BOOL</c>).</summary>
    Boolean,

    /// <summary>String set (<c>SS</c>).</summary>
    StringSet,

    /// <summary>Number set (<c>NS</c>).</summary>
    NumberSet,

    /// <summary>Binary set (<c>BS</c>).</summary>
    BinarySet,

    /// <summary>List (<c>L</c>).</summary>
    List,

    /// <summary>Map (<c>M</c>).</summary>
    Map
}
