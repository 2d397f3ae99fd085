using Koperasi.ServiceDefaults.Http;

namespace Koperasi.ServiceDefaults.Tests;

/// <summary>
/// Every use case names its body Request: a schema name is the type's name prefixed with the types
/// it is declared in, so two use cases never share one schema in a document.
/// </summary>
public class OpenApiSchemaNameTests
{
    private static string? NameOf(Type type) => KoperasiOpenApi.SchemaName(KoperasiJson.Options.GetTypeInfo(type));

    [Fact]
    public void A_nested_request_is_named_for_its_use_case()
    {
        NameOf(typeof(Register.Request)).ShouldBe("RegisterRequest");
        NameOf(typeof(ReportRat.Request)).ShouldBe("ReportRatRequest");
        NameOf(typeof(ReportRat.Response)).ShouldBe("ReportRatResponse");
    }

    [Fact]
    public void Each_level_of_nesting_is_in_the_name() =>
        NameOf(typeof(ReportRat.Response.Row)).ShouldBe("ReportRatResponseRow");

    [Fact]
    public void A_type_of_its_own_keeps_its_name() =>
        NameOf(typeof(Standalone)).ShouldBe("Standalone");

    [Fact]
    public void What_the_framework_inlines_stays_inline() =>
        NameOf(typeof(int)).ShouldBeNull();
}

// Use cases as the services write them (a type named for the use case, its body nested in it).
public sealed record Standalone(string Name);

public static class Register
{
    public sealed record Request(string Name);
}

public static class ReportRat
{
    public sealed record Request(int FinancialYear);

    public sealed record Response(bool Late)
    {
        public sealed record Row(int Year);
    }
}
