using EFCore.DynamoDb.Infrastructure.Internal;
using Microsoft.EntityFrameworkCore;

namespace EFCore.DynamoDb.Tests.Infrastructure;

/// <summary>The options extension separates service providers exactly when the client would differ.</summary>
public class OptionsExtensionTests
{
    [Fact]
    public void Endpoints_region_and_credentials_separate_service_providers_and_the_prefix_does_not()
    {
        var local = new DynamoDbOptionsExtension().WithServiceUrl("http://localhost:8000").WithCredentials("a", "b");
        var prefixed = local.WithTableNamePrefix("test-");
        var otherEndpoint = local.WithServiceUrl("http://localhost:8001");
        var otherRegion = local.WithRegion("eu-west-1");
        var otherCredentials = local.WithCredentials("a", "c");

        Assert.True(local.Info.ShouldUseSameServiceProvider(local.Info));
        Assert.True(local.Info.ShouldUseSameServiceProvider(prefixed.Info));
        Assert.Equal(local.Info.GetServiceProviderHashCode(), prefixed.Info.GetServiceProviderHashCode());
        Assert.False(local.Info.ShouldUseSameServiceProvider(otherEndpoint.Info));
        Assert.False(local.Info.ShouldUseSameServiceProvider(otherRegion.Info));
        Assert.False(local.Info.ShouldUseSameServiceProvider(otherCredentials.Info));
    }

    [Fact]
    public void Consumed_capacity_tracking_is_off_by_default_kept_by_copies_and_shown_in_the_log_fragment()
    {
        var tracking = new DynamoDbOptionsExtension().WithConsumedCapacityTracking(true);

        Assert.False(new DynamoDbOptionsExtension().TrackConsumedCapacity);
        Assert.True(tracking.WithTableNamePrefix("p-").TrackConsumedCapacity);
        Assert.Contains("TrackConsumedCapacity", tracking.Info.LogFragment, StringComparison.Ordinal);
        Assert.True(new DynamoDbOptionsExtension().Info.ShouldUseSameServiceProvider(tracking.Info));
    }

    [Fact]
    public void With_methods_leave_the_original_unchanged()
    {
        var original = new DynamoDbOptionsExtension();

        var changed = original.WithServiceUrl("http://localhost:8000").WithTableNamePrefix("p-");

        Assert.Null(original.ServiceUrl);
        Assert.Null(original.TableNamePrefix);
        Assert.Equal("http://localhost:8000", changed.ServiceUrl);
        Assert.Equal("p-", changed.TableNamePrefix);
        Assert.True(changed.HasConnectionSettings);
        Assert.False(original.HasConnectionSettings);
        Assert.Contains("TableNamePrefix=p-", changed.Info.LogFragment, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ServiceUrl")]
    [InlineData("Region")]
    [InlineData("Credentials")]
    public void A_changed_client_option_on_a_shared_service_provider_is_named(string option)
    {
        var initial = new DynamoDbOptionsExtension().WithServiceUrl("http://localhost:8000").WithRegion("us-east-1").WithCredentials("a", "b");
        var changed = option switch
        {
            "ServiceUrl" => initial.WithServiceUrl("http://localhost:8001"),
            "Region" => initial.WithRegion("eu-west-1"),
            _ => initial.WithCredentials("a", "c")
        };
        var singletonOptions = new DynamoDbSingletonOptions();
        singletonOptions.Initialize(OptionsWith(initial));

        var error = Assert.Throws<InvalidOperationException>(() => singletonOptions.Validate(OptionsWith(changed)));

        Assert.Contains($"'{option}'", error.Message, StringComparison.Ordinal);
    }

    private static DbContextOptions OptionsWith(DynamoDbOptionsExtension extension)
        => new DbContextOptionsBuilder().Options.WithExtension(extension);
}
