using Koperasi.ServiceDefaults.Http;

namespace Koperasi.Funding.Applications;

/// <summary>References to photos kept elsewhere (an object store key or URL) that a visit's record carries.</summary>
public static class PhotoReferences
{
    /// <summary>Most photos one record references.</summary>
    public const int Max = 20;

    /// <summary>At most <see cref="Max"/>, each a short single line.</summary>
    public static void Check(RequestValidation v, IReadOnlyList<string>? references, string field)
    {
        v.Items(references, field, Max);
        for (var i = 0; i < Math.Min(references?.Count ?? 0, Max); i++)
        {
            v.Code(references![i], $"{field}[{i}]", 500);
        }
    }
}
