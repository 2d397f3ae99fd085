using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.Testing;

namespace Koperasi.Registry.Tests.Security;

/// <summary>
/// Who may call what, read from the Registry's own endpoint data source: an endpoint added
/// tomorrow is checked by these tests without anyone listing it.
/// </summary>
public partial class AccessTests(RegistryHost registry) : IClassFixture<RegistryHost>
{
    /// <summary>The only endpoints that answer without a token.</summary>
    private static readonly string[] Anonymous =
    [
        "GET /health/live",
        "GET /health/ready",
        "GET /metrics",
        "GET /openapi/{documentName}.json",
        "GET /reference/{documentName?}",
        "GET /reference/favicon.svg",
        "GET /reference/scalar.aspnetcore.js",
        "GET /reference/scalar.js",
    ];

    private async Task<IReadOnlyList<EndpointInfo>> Endpoints() => await EndpointCatalog.ReadAsync(registry.Services);

    private static HttpRequestMessage Request(EndpointInfo endpoint) => new(new HttpMethod(endpoint.Method), endpoint.SampleUrl())
    {
        Content = endpoint.Method is "POST" or "PUT" or "PATCH"
            ? new StringContent(endpoint.ContentType == "application/json" ? "{}" : "", Encoding.UTF8, endpoint.ContentType)
            : null,
    };

    [Fact]
    public async Task The_anonymous_endpoints_are_exactly_health_metrics_and_the_API_reference()
    {
        (await Endpoints()).Where(e => e.Anonymous).Select(e => e.ToString()).Order().ShouldBe(Anonymous.Order());
    }

    [Fact]
    public async Task Every_other_endpoint_answers_401_without_a_token()
    {
        var client = registry.CreateAnonymousClient();
        var protectedEndpoints = (await Endpoints()).Where(e => !e.Anonymous).ToList();
        protectedEndpoints.Count.ShouldBeGreaterThan(10);

        foreach (var endpoint in protectedEndpoints)
        {
            using var response = await client.SendAsync(Request(endpoint));
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, endpoint.ToString());
            response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer", Case.Sensitive, endpoint.ToString());
        }
    }

    [Fact]
    public async Task Each_endpoint_admits_the_roles_of_its_policy_and_refuses_the_others()
    {
        foreach (var endpoint in (await Endpoints()).Where(e => !e.Anonymous))
        {
            endpoint.Roles.ShouldNotBeNull($"{endpoint} admits any signed-in caller: give it a role policy");
            foreach (var role in KoperasiRoles.All)
            {
                using var response = await registry.CreateClientAs(role, "1571").SendAsync(Request(endpoint));
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

            // A caller with no role of the platform is refused everywhere.
            using var stranger = await registry.CreateClientAs("tamu").SendAsync(Request(endpoint));
            stranger.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"a caller without a role on {endpoint}");
        }
    }

    [Fact]
    public async Task The_README_documents_the_role_matrix_as_the_policies_have_it()
    {
        var documented = ReadmeMatrix();
        var actual = (await Endpoints()).Where(e => !e.Anonymous)
            .ToDictionary(e => $"{e.Method} {Constraint().Replace(e.Route, "}")}", e => e.Roles!.Order().ToList());

        var expectedRows = string.Join("\n", actual.OrderBy(a => a.Key).Select(a =>
            $"| `{a.Key}` | {string.Join(" | ", KoperasiRoles.All.Select(r => a.Value.Contains(r) ? "✓" : "–"))} |"));
        documented.Keys.Where(k => k.Contains(" /api/registry/", StringComparison.Ordinal)).Order().ShouldBe(actual.Keys.Order(), $"README rows, as the policies have them:\n{expectedRows}");
        foreach (var (endpoint, roles) in actual)
        {
            documented[endpoint].ShouldBe(roles, $"{endpoint}; expected rows:\n{expectedRows}");
        }
    }

    /// <summary>The README's matrix: "| `GET /api/...` | ✓ | – | ... |" with the roles as columns.</summary>
    private static Dictionary<string, List<string>> ReadmeMatrix()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Koperasi.sln")))
        {
            root = Directory.GetParent(root)?.FullName ?? throw new DirectoryNotFoundException("Koperasi.sln");
        }

        var matrix = new Dictionary<string, List<string>>();
        var table = File.ReadLines(Path.Combine(root, "README.md"))
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
