using Koperasi.ServiceDefaults.Decisions;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Registry.Cooperatives;

// The one-off mapping of a free-text kecamatan to its Kemendagri code.
public sealed partial record Cooperative
{
    /// <summary>
    /// Records the code of the kecamatan of its regency whose name its free-text kecamatan matches
    /// (case and spacing ignored). Nothing is recorded when it has a code already or no name matches:
    /// running the mapping again changes nothing.
    /// </summary>
    public Decision RecordKecamatanCode() =>
        Address.KecamatanCode is null && Places.KecamatanCodeOf(Address.RegencyCode, Address.Kecamatan) is { } code
            ? Decision.Accept(new KecamatanCodeRecorded(Id, code))
            : Decision.Accept();
}
