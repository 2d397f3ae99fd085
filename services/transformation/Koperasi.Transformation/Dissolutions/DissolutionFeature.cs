namespace Koperasi.Transformation.Dissolutions;

/// <summary>Dissolution (pembubaran): cases under <c>/api/transformation/dissolutions</c>, batches under <c>/api/transformation/dissolution-batches</c>.</summary>
public static class DissolutionFeature
{
    public static void MapDissolutions(this RouteGroupBuilder transformation)
    {
        var cases = transformation.MapGroup("/dissolutions").WithTags("Dissolution");
        ProposeMembersDissolution.Map(cases);
        ProposeGovernmentDissolution.Map(cases);
        ListDissolutions.Map(cases);
        GetDissolutionDeadlines.Map(cases);
        ListDissolutionCandidates.Map(cases);
        GetDissolution.Map(cases);
        CallDissolutionMeeting.Map(cases);
        RecordDissolutionMeeting.Map(cases);
        VerifyInField.Map(cases);
        AnnounceDissolution.Map(cases);
        RecordMinistryNotice.Map(cases);
        FileObjection.Map(cases);
        DecideObjection.Map(cases);
        NameLiquidationTeam.Map(cases);
        RecordCreditor.Map(cases);
        NotifyCreditor.Map(cases);
        SettleLiquidation.Map(cases);
        ExtinguishLegalEntity.Map(cases);
        WithdrawDissolution.Map(cases);

        var batches = transformation.MapGroup("/dissolution-batches").WithTags("Dissolution");
        OpenDissolutionBatch.Map(batches);
        ListDissolutionBatches.Map(batches);
        GetDissolutionBatch.Map(batches);
        SendDissolutionBatch.Map(batches);
        FetchMinistryAnswers.Map(batches);
        ImportMinistryAnswers.Map(batches);
        ExportDissolutionBatch.Map(batches);
        GetBatchReconciliation.Map(batches);
    }
}
