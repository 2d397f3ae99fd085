namespace Koperasi.Transformation.Cooperatives;

/// <summary>The koperasi this service knows from the register: under <c>/api/transformation/cooperatives</c>.</summary>
public static class CooperativesFeature
{
    public static void MapCooperatives(this RouteGroupBuilder transformation)
    {
        var cooperatives = transformation.MapGroup("/cooperatives").WithTags("Participating koperasi");
        ListCooperatives.Map(cooperatives);
        GetCooperative.Map(cooperatives);
    }
}
