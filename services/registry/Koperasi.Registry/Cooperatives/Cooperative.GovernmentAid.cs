using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Registry.Cooperatives;

// Government aid: a koperasi whose businesses received it has historically been held back from
// dissolution, so the register keeps every grant paid and flags the koperasi.
public sealed partial record Cooperative
{
    public bool ReceivedGovernmentAid => GovernmentAid.Count > 0;

    /// <summary>
    /// The koperasi that answers for aid paid to this one: itself while it exists, else the one it
    /// was dissolved into (its members, rights and obligations passed there); null if there is none.
    /// </summary>
    public Guid? AidRecipientId => Dissolution is null ? Id : Dissolution.SuccessorId;

    /// <summary>Records a grant once (the application is its key); a dissolved koperasi records nothing more.</summary>
    public Decision ReceiveGovernmentAid(ReceiveGovernmentAid command)
    {
        if (GovernmentAid.Any(a => a.ApplicationId == command.ApplicationId))
        {
            return Decision.Accept();
        }

        if (CheckExisting() is { } dissolved)
        {
            return dissolved;
        }

        return Decision.Accept(new GovernmentAidReceived(
            Id, command.Programme, command.Year, command.Amount, command.DisbursedOn, command.ApplicationId,
            command.NamedCooperativeId == Id ? null : command.NamedCooperativeId));
    }
}
