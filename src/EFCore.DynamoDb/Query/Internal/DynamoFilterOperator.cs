namespace EFCore.DynamoDb.Query.Internal;

/// <summary>The filter operations of Flywheel's allowed-filter table, by the names Flywheel gives them.</summary>
public enum DynamoFilterOperator
{
    /// <summary><c>eq</c>: equal (<c>==</c>).</summary>
    Eq,
    /// <summary><c>ne</c>: not equal (<c>!=</c>).</summary>
    Ne,
    /// <summary><c>lt</c>: less than.</summary>
    Lt,
    /// <summary><c>lte</c>: less than or equal.</summary>
    Lte,
    /// <summary><c>gt</c>: greater than.</summary>
    Gt,
    /// <summary><c>gte</c>: greater than or equal.</summary>
    Gte,
    /// <summary><c>in</c>: one of a local collection's values (<c>list.Contains(x.Prop)</c>).</summary>
    In,
    /// <summary><c>between</c>: within two bounds, both included.</summary>
    Between,
    /// <summary><c>beginswith</c>: a string starting with a prefix (<c>StartsWith</c>).</summary>
    BeginsWith,
    /// <summary><c>contains</c>: a string holding a substring, or a set or list holding an element.</summary>
    Contains,
    /// <summary><c>ncontains</c>: the negation of <c>contains</c>.</summary>
    NContains
}
