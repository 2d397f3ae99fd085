using Koperasi.ServiceDefaults.Http;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koperasi.Registry.Cooperatives;

/// <summary>Every version of a koperasi's articles of association, oldest first, with what held in each.</summary>
public static class GetArticles
{
    /// <summary>One version: what held from <see cref="EffectiveOn"/>, the parts it changed, and the deed, ratification and case behind it.</summary>
    public sealed record Version(
        int Number,
        DateOnly EffectiveOn,
        string Name,
        AddressResponse Domicile,
        CooperativeType Type,
        SavingsLoanScheme? SavingsLoanScheme,
        CooperativeForm Form,
        string BusinessField,
        string? OtherArticles,
        IReadOnlyList<string> Changed,
        NotarialDeed? Deed,
        Ratification? Ratification,
        Guid? CaseId);

    public sealed record Response(Guid CooperativeId, int CurrentVersion, IReadOnlyList<Version> Versions);

    public static void Map(RouteGroupBuilder cooperatives) =>
        cooperatives.MapGet("/{id:guid}/articles", Handle)
            .WithName("GetCooperativeArticles")
            .RequireAuthorization(RegistryPolicies.Read)
            .WithSummary("Articles of association, every version")
            .WithDescription("Version 1 is the founding articles (from the registration); each applied amendment adds the next, with its effective date, the parts it changed, its deed, ratification and case. The koperasi's current name, domicile, type, form and business field are those of the latest version.")
            .Produces<Response>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Guid id, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Cooperative>(id, cancellationToken) is not { } cooperative)
        {
            return Problems.NotFound("koperasi", id);
        }

        var versions = cooperative.ArticlesVersions();
        response.SetETag(cooperative.Version);
        return TypedResults.Ok(new Response(
            id,
            versions[^1].Version,
            [
                .. versions.Select(articles => new Version(
                    articles.Version, articles.EffectiveOn, articles.Name, AddressResponse.From(articles.Domicile), articles.Type, articles.SavingsLoanScheme,
                    articles.Form, articles.BusinessField, articles.OtherArticles, articles.Changed, articles.Deed, articles.Ratification, articles.CaseId)),
            ]));
    }
}
