using Koperasi.Registry.Cooperatives;
using Koperasi.Registry.Demo;
using Koperasi.ServiceDefaults.Regions;

namespace Koperasi.Registry.Tests.PlaceCodes;

/// <summary>The demo set registers with the kecamatan code wherever its kecamatan name is one of the regency's.</summary>
public class DemoPlaceCodeTests
{
    [Fact]
    public void The_demo_koperasi_carry_the_kecamatan_code_where_the_name_matches()
    {
        var addresses = DemoData.Generate().Select(r => (Sent: r.Address, Stored: Register.ToCommand(r, Guid.NewGuid()).Profile.Address)).ToList();

        foreach (var (sent, stored) in addresses)
        {
            stored.KecamatanCode.ShouldBe(Places.KecamatanCodeOf(sent.RegencyCode, sent.Kecamatan), sent.Kecamatan);
            if (stored.KecamatanCode is { } code)
            {
                Places.FindKecamatan(code)!.RegencyCode.ShouldBe(stored.RegencyCode);
            }
        }

        addresses.Count(a => a.Stored.KecamatanCode is not null).ShouldBeGreaterThan(addresses.Count * 9 / 10);
    }
}
