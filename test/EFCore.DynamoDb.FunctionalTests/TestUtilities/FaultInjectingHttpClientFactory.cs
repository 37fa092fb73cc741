using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;

namespace EFCore.DynamoDb.FunctionalTests.TestUtilities;

/// <summary>
///     Gives the AWS client an HTTP handler that can answer a request itself (a throttling error) or change it on the
///     way to DynamoDB Local and its answer on the way back (leaving batch items unprocessed), to prove the provider's
///     retries against a real database.
/// </summary>
public sealed class FaultInjectingHttpClientFactory(FaultInjectingHttpClientFactory.Fault fault) : HttpClientFactory
{
    /// <summary>Decides, per request, what to do with it: the DynamoDB operation (e.g. "BatchWriteItem") and its JSON body.</summary>
    public delegate Task<HttpResponseMessage?> Fault(string operation, JsonObject body, Func<JsonObject, Task<JsonObject>> send);

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Handler(fault));

    public static HttpResponseMessage Throttled()
        => Error("ProvisionedThroughputExceededException", "Injected throttling");

    /// <summary>A DynamoDB error response, such as <c>ResourceNotFoundException</c>.</summary>
    public static HttpResponseMessage Error(string type, string message)
        => new(HttpStatusCode.BadRequest)
        {
            Content = new StringContent(
                new JsonObject { ["__type"] = "com.amazonaws.dynamodb.v20120810#" + type, ["message"] = message }.ToJsonString(),
                Encoding.UTF8,
                "application/x-amz-json-1.0")
        };

    public static HttpResponseMessage Json(JsonObject body)
        => new(HttpStatusCode.OK) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.0") };

    private sealed class Handler(Fault fault) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var operation = request.Headers.TryGetValues("X-Amz-Target", out var targets) ? targets.Single().Split('.')[^1] : "";
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();

            // DynamoDB Local does not check signatures, so a changed body may be forwarded as it is.
            async Task<JsonObject> Send(JsonObject changed)
            {
                using var forwarded = new HttpRequestMessage(request.Method, request.RequestUri)
                {
                    Content = new StringContent(changed.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.0")
                };
                foreach (var header in request.Headers)
                {
                    forwarded.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                var response = await base.SendAsync(forwarded, cancellationToken);
                return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
            }

            return await fault(operation, body, Send) ?? await base.SendAsync(request, cancellationToken);
        }
    }
}
