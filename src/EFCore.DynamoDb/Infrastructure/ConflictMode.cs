// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
///     How <c>SaveChanges</c> guards against concurrent writers (Flywheel's <c>default_conflict</c>). Concurrency
///     tokens and row versions are checked in every mode.
/// </summary>
public enum ConflictMode
{
    /// <summary>
    ///     The default. An insert fails if the key exists; an update succeeds only if each property it changes still
    ///     holds the value this context read (so writers of different properties both succeed); a delete is
    ///     unconditional.
    /// </summary>
    Update,

    /// <summary>Last writer wins: an insert replaces any existing item; updates and deletes are unconditional.</summary>
    Overwrite,

    /// <summary>As <see cref="Update" />, and a delete succeeds only if every value this context read still holds.</summary>
    Raise
}
