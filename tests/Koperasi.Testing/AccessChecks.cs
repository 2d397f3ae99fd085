using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Koperasi.ServiceDefaults.Identity;
using Shouldly;

namespace Koperasi.Testing;

/// <summary>
/// The access checks every service runs against its own endpoint data source: the anonymous
/// endpoints are exactly those listed, every other one answers 401 without a token, each admits
/// the roles of its policy and refuses the others, and the role matrix of docs/security-and-roles.md says the same.
/// </summary>
public static partial class AccessChecks
{
    /// <summary>The anonymous endpoints every service has (health, metrics, the API reference, the AsyncAPI document of what it publishes).</summary>
    public static IReadOnlyList<string> ServiceDefaultAnonymous { get; } =
    [
        "GET /health/live",
        "GET /health/ready",
        "GET /metrics",
        "GET /asyncapi/{documentName}.json",
        "GET /openapi/{documentName}.json",
        "GET /reference/{documentName?}",
        "GET /reference/favicon.svg",
        "GET /reference/scalar.aspnetcore.js",
        "GET /reference/scalar.js",
    ];

    /// <summary>A request that reaches the endpoint: a sample URL and, for writes, an empty body of the accepted type.</summary>
    public static HttpRequestMessage Request(EndpointInfo endpoint) => new(new HttpMethod(endpoint.Method), endpoint.SampleUrl())
    {
        Content = endpoint.Method is "POST" or "PUT" or "PATCH"
            ? new StringContent(endpoint.ContentType == "application/json" ? "{}" : "", Encoding.UTF8, endpoint.ContentType)
            : null,
    };

    public static void AnonymousAreExactly(IReadOnlyList<EndpointInfo> endpoints, IEnumerable<string> expected) =>
        endpoints.Where(e => e.Anonymous).Select(e => e.ToString()).Order().ShouldBe(expected.Order());

    public static async Task EveryOtherAnswers401WithoutTokenAsync(IReadOnlyList<EndpointInfo> endpoints, HttpClient anonymous)
    {
        var protectedEndpoints = endpoints.Where(e => !e.Anonymous).ToList();
        protectedEndpoints.ShouldNotBeEmpty();
        foreach (var endpoint in protectedEndpoints)
        {
            using var response = await anonymous.SendAsync(Request(endpoint));
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, endpoint.ToString());
            response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer", Case.Sensitive, endpoint.ToString());
        }
    }

    /// <summary>
    /// Calls every protected endpoint as every role: the roles of its policy get past authorization
    /// (whatever else the dummy request earns), the others get 403, and so does a caller without any
    /// role of the platform.
    /// </summary>
    public static async Task RoleMatrixHoldsAsync(IReadOnlyList<EndpointInfo> endpoints, Func<string, HttpClient> clientAs)
    {
        foreach (var endpoint in endpoints.Where(e => !e.Anonymous))
        {
            endpoint.Roles.ShouldNotBeNull($"{endpoint} admits any signed-in caller: give it a role policy");
            foreach (var role in KoperasiRoles.All)
            {
                using var response = await clientAs(role).SendAsync(Request(endpoint));
                if (endpoint.Roles.Contains(role))
                {
                    response.StatusCode.ShouldNotBeOneOf([HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden], $"{role} on {endpoint}");
                }
                else
                {
                    response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{role} on {endpoint}");
                    response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
                }
            }

            using var stranger = await clientAs("tamu").SendAsync(Request(endpoint));
            stranger.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"a caller without a role on {endpoint}");
        }
    }

    /// <summary>The role matrix rows under <paramref name="routePrefix"/> (in <see cref="MatrixDocument"/>) match the policies.</summary>
    public static void ReadmeMatrixMatches(IReadOnlyList<EndpointInfo> endpoints, string routePrefix)
    {
        var documented = ReadmeMatrix().Where(d => d.Key.Contains(" " + routePrefix, StringComparison.Ordinal)).ToDictionary();
        var actual = endpoints.Where(e => !e.Anonymous)
            .ToDictionary(e => $"{e.Method} {Constraint().Replace(e.Route, "}")}", e => e.Roles!.Order().ToList());
        var expectedRows = string.Join("\n", actual.OrderBy(a => a.Key).Select(a =>
            $"| `{a.Key}` | {string.Join(" | ", KoperasiRoles.All.Select(r => a.Value.Contains(r) ? "✓" : "–"))} |"));
        documented.Keys.Order().ShouldBe(actual.Keys.Order(), $"{MatrixDocument} rows, as the policies have them:\n{expectedRows}");
        foreach (var (endpoint, roles) in actual)
        {
            documented[endpoint].ShouldBe(roles, $"{endpoint}; expected rows:\n{expectedRows}");
        }
    }

    /// <summary>The guide that documents the role matrix, relative to the repository's root.</summary>
    public const string MatrixDocument = "docs/security-and-roles.md";

    /// <summary>The documented matrix: "| `GET /api/...` | ✓ | – | ... |" with the roles as columns.</summary>
    private static Dictionary<string, List<string>> ReadmeMatrix()
    {
        var root = SourceTree.Root;

        var matrix = new Dictionary<string, List<string>>();
        var table = File.ReadLines(Path.Combine(root, MatrixDocument))
            .SkipWhile(line => !line.StartsWith("| endpoint | " + string.Join(" | ", KoperasiRoles.All), StringComparison.Ordinal))
            .TakeWhile(line => line.StartsWith('|'));
        foreach (var line in table)
        {
            var match = MatrixRow().Match(line);
            if (match.Success)
            {
                var cells = match.Groups["cells"].Value.Split('|').Select(c => c.Trim()).ToList();
                matrix[match.Groups["endpoint"].Value] = [.. KoperasiRoles.All.Where((_, i) => i < cells.Count && cells[i].StartsWith('✓')).Order()];
            }
        }

        return matrix;
    }

    [GeneratedRegex(@"^\|\s*`(?<endpoint>(GET|POST|PUT|PATCH|DELETE) /[^`]+)`\s*\|(?<cells>.*)\|\s*$")]
    private static partial Regex MatrixRow();

    [GeneratedRegex(@":[a-z]+\}")]
    private static partial Regex Constraint();
}
