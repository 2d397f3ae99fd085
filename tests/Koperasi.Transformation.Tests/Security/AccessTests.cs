using Koperasi.Testing;

namespace Koperasi.Transformation.Tests.Security;

/// <summary>
/// Who may call what, read from the service's own endpoint data source: an endpoint added tomorrow is
/// checked by these tests without anyone listing it.
/// </summary>
public class AccessTests(TransformationHost host) : IClassFixture<TransformationHost>
{
    private Task<IReadOnlyList<EndpointInfo>> Endpoints() => EndpointCatalog.ReadAsync(host.Services);

    [Fact]
    public async Task The_anonymous_endpoints_are_exactly_health_metrics_and_the_API_reference() =>
        AccessChecks.AnonymousAreExactly(await Endpoints(), AccessChecks.ServiceDefaultAnonymous);

    [Fact]
    public async Task Every_other_endpoint_answers_401_without_a_token() =>
        await AccessChecks.EveryOtherAnswers401WithoutTokenAsync(await Endpoints(), host.CreateAnonymousClient());

    [Fact]
    public async Task Each_endpoint_admits_the_roles_of_its_policy_and_refuses_the_others() =>
        await AccessChecks.RoleMatrixHoldsAsync(await Endpoints(), role => host.CreateClientAs(role, "1571"));

    [Fact]
    public async Task The_security_guide_documents_the_role_matrix_as_the_policies_have_it() =>
        AccessChecks.ReadmeMatrixMatches(await Endpoints(), "/api/transformation/");
}
