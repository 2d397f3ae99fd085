namespace Koperasi.ServiceDefaults.PersonalData;

/// <summary>
/// Stands in, in a log record, for an exception whose message or text held a NIK: its
/// <see cref="Exception.Message"/> and <see cref="ToString"/> are the original's, scrubbed, so
/// the text still starts with the original type's name and shows its stack. It keeps no reference
/// to the original: a provider walking <c>InnerException</c> would find the NIK there.
/// </summary>
internal sealed class ScrubbedException : Exception
{
    private readonly string _text;

    private ScrubbedException(Exception original) : base(Nik.Scrub(original.Message))
    {
        _text = Nik.Scrub(original.ToString());
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
        HResult = original.HResult;
    }

    /// <summary>The type of the exception it stands in for.</summary>
    public string OriginalType { get; }

    /// <summary>
    /// <paramref name="exception"/> itself when neither its message nor its text (inner
    /// exceptions and stack traces included) holds a NIK, otherwise its scrubbed stand-in.
    /// </summary>
    public static Exception? From(Exception? exception) =>
        exception is null or ScrubbedException || (!Nik.ContainsNik(exception.Message) && !Nik.ContainsNik(exception.ToString()))
            ? exception
            : new ScrubbedException(exception);

    public override string ToString() => _text;
}
