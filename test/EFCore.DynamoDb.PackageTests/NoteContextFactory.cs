using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EFCore.DynamoDb.PackageTests;

/// <summary>Creates the context for the app and for dotnet ef (which contacts no database).</summary>
public class NoteContextFactory : IDesignTimeDbContextFactory<NoteContext>
{
    public NoteContext CreateDbContext(string[] args)
        => Create("http://localhost:8000", "package-", _ => { });

    /// <summary>A context whose every request's operation is passed to <paramref name="requestLog" />.</summary>
    public static NoteContext Create(string serviceUrl, string tablePrefix, Action<string> requestLog)
        => new(new DbContextOptionsBuilder<NoteContext>()
            .UseDynamoDb(o => o.ServiceUrl(serviceUrl).Credentials("test", "test").TableNamePrefix(tablePrefix))
            .LogTo(requestLog, [DynamoDbEventId.RequestExecuted], LogLevel.Information, DbContextLoggerOptions.None)
            .Options);
}
