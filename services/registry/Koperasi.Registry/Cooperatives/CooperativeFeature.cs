namespace Koperasi.Registry.Cooperatives;

/// <summary>The register itself: its endpoints under <c>/api/registry/cooperatives</c>.</summary>
public static class CooperativeFeature
{
    public static void MapCooperatives(this RouteGroupBuilder registry)
    {
        var cooperatives = registry.MapGroup("/cooperatives").WithTags("Koperasi");
        Register.Map(cooperatives);
        ListCooperatives.Map(cooperatives);
        ExportCooperatives.Map(cooperatives);
        GetCooperative.Map(cooperatives);
        GetHistory.Map(cooperatives);
        GetArticles.Map(cooperatives);
        ChangeDetails.Map(cooperatives);
        ReportRat.Map(cooperatives);
        MapKecamatanCodes.Map(registry);
    }
}
