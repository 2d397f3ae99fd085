namespace Koperasi.Registry.Supervision;

/// <summary>
/// Supervision (pembinaan): the writes on a koperasi under <c>/api/registry/cooperatives/{id}</c>,
/// the worklists and statistics under <c>/api/registry/supervision</c>.
/// </summary>
public static class SupervisionFeature
{
    public static void MapSupervision(this RouteGroupBuilder registry)
    {
        var cooperatives = registry.MapGroup("/cooperatives").WithTags("Supervision");
        AssignPembinaEndpoint.Map(cooperatives);
        ReassignPembinaEndpoint.Map(cooperatives);
        RecordSupervisionEndpoint.Map(cooperatives);
        CompleteFollowUpEndpoint.Map(cooperatives);
        DesignateFlagshipEndpoint.Map(cooperatives);
        EndFlagshipDesignationEndpoint.Map(cooperatives);
        RenewNikKoperasiEndpoint.Map(cooperatives);
        MarkKdmpEndpoint.Map(cooperatives);
        RecordKdmpFormationStepEndpoint.Map(cooperatives);

        var supervision = registry.MapGroup("/supervision").WithTags("Supervision");
        MyKoperasiEndpoint.Map(supervision);
        OverdueFollowUpsEndpoint.Map(supervision);
        EarlyWarningEndpoint.Map(supervision);
        BecameTidakAktifEndpoint.Map(supervision);
        RegenciesWithoutFlagshipEndpoint.Map(supervision);
        ValidNikKoperasiEndpoint.Map(supervision);
        KdmpCoverageEndpoint.Map(supervision);

        RebuildSupervisionDocuments.Map(registry);
    }
}
