using System.Reflection;
using System.Runtime.InteropServices;

namespace IronNotebooks.Dicom.Imaging.Codec.Jpeg2000;

/// <summary>
/// The OpenJPEG 2.x C library (libopenjp2), found at run time with <see cref="NativeLibrary"/> and bound through
/// function pointers, so that the assembly loads and every other codec works where OpenJPEG is not installed.
/// </summary>
/// <remarks>
/// Probed, in order: the file named by the environment variable <c>IRONNB_OPENJPEG_LIBRARY</c>; then the names the
/// platform's packages install: <c>libopenjp2.so.7</c> / <c>libopenjp2.so</c> (Debian/Ubuntu <c>libopenjp2-7</c>,
/// Fedora <c>openjpeg2</c>), <c>libopenjp2.7.dylib</c> / <c>libopenjp2.dylib</c> in the Homebrew and MacPorts folders
/// (macOS <c>brew install openjpeg</c>), <c>openjp2.dll</c> (Windows: vcpkg or the OpenJPEG release zip).
/// Version 2.5 or later is required for HTJ2K; earlier 2.x versions decode Part 1 JPEG 2000 only.
/// </remarks>
internal sealed class OpenJpegLibrary
{
    /// <summary>What to install, per platform, when the library is missing.</summary>
    public const string InstallHint =
        "OpenJPEG 2.5 (libopenjp2) was not found. Install it: Debian/Ubuntu `sudo apt-get install libopenjp2-7`; " +
        "macOS `brew install openjpeg`; Windows `vcpkg install openjpeg` (or the openjp2.dll of an OpenJPEG release on PATH). " +
        "Or set IRONNB_OPENJPEG_LIBRARY to the library file";

    /// <summary>The default probe list for this platform.</summary>
    public static IReadOnlyList<string> DefaultCandidates { get; } = BuildCandidates();

    private static readonly Lazy<(OpenJpegLibrary? Library, string Failure)> Shared =
        new(() => TryLoad(DefaultCandidates), LazyThreadSafetyMode.ExecutionAndPublication);

    private OpenJpegLibrary(IntPtr handle, string path)
    {
        Handle = handle;
        LoadedFrom = path;
        Version = Marshal.PtrToStringAnsi(Bind<VersionFn>("opj_version")()) ?? "unknown";
        CreateDecompress = Bind<CreateDecompressFn>("opj_create_decompress");
        SetDefaultDecoderParameters = Bind<ParametersFn>("opj_set_default_decoder_parameters");
        SetupDecoder = Bind<SetupDecoderFn>("opj_setup_decoder");
        SetErrorHandler = Bind<SetHandlerFn>("opj_set_error_handler");
        SetWarningHandler = Bind<SetHandlerFn>("opj_set_warning_handler");
        StreamCreate = Bind<StreamCreateFn>("opj_stream_create");
        StreamSetReadFunction = Bind<StreamSetReadFn>("opj_stream_set_read_function");
        StreamSetSkipFunction = Bind<StreamSetSkipFn>("opj_stream_set_skip_function");
        StreamSetSeekFunction = Bind<StreamSetSeekFn>("opj_stream_set_seek_function");
        StreamSetUserData = Bind<StreamSetUserDataFn>("opj_stream_set_user_data");
        StreamSetUserDataLength = Bind<StreamSetUserDataLengthFn>("opj_stream_set_user_data_length");
        ReadHeader = Bind<ReadHeaderFn>("opj_read_header");
        Decode = Bind<DecodeFn>("opj_decode");
        EndDecompress = Bind<EndDecompressFn>("opj_end_decompress");
        DestroyCodec = Bind<DestroyFn>("opj_destroy_codec");
        StreamDestroy = Bind<DestroyFn>("opj_stream_destroy");
        ImageDestroy = Bind<DestroyFn>("opj_image_destroy");
    }

    /// <summary>The process-wide instance, or the reason it could not be loaded.</summary>
    public static (OpenJpegLibrary? Library, string Failure) Default => Shared.Value;

    /// <summary>Loads the first candidate that opens and exports the decoding API.</summary>
    public static (OpenJpegLibrary? Library, string Failure) TryLoad(IEnumerable<string> candidates)
    {
        var tried = new List<string>();
        foreach (var name in candidates)
        {
            tried.Add(name);
            if (!NativeLibrary.TryLoad(name, Assembly.GetExecutingAssembly(), DllImportSearchPath.SafeDirectories | DllImportSearchPath.AssemblyDirectory, out var handle)
                && !NativeLibrary.TryLoad(name, out handle))
                continue;
            try
            {
                return (new OpenJpegLibrary(handle, name), "");
            }
            catch (EntryPointNotFoundException e)
            {
                // A library of that name without the 2.x API (e.g. OpenJPEG 1.x): try the next one.
                tried[^1] += $" (not OpenJPEG 2.x: {e.Message})";
            }
        }
        return (null, $"{InstallHint} (tried {string.Join(", ", tried)})");
    }

    /// <summary>The file name the library was loaded by.</summary>
    public string LoadedFrom { get; }

    /// <summary>opj_version(), e.g. "2.5.0".</summary>
    public string Version { get; }

    private IntPtr Handle { get; }

    private T Bind<T>(string export) where T : Delegate =>
        Marshal.GetDelegateForFunctionPointer<T>(NativeLibrary.GetExport(Handle, export));

    private static string[] BuildCandidates()
    {
        var list = new List<string>();
        if (Environment.GetEnvironmentVariable("IRONNB_OPENJPEG_LIBRARY") is { Length: > 0 } custom) list.Add(custom);
        if (OperatingSystem.IsWindows())
            list.AddRange(["openjp2.dll", "libopenjp2.dll", "libopenjp2-7.dll"]);
        else if (OperatingSystem.IsMacOS())
            foreach (var dir in new[] { "", "/opt/homebrew/lib/", "/usr/local/lib/", "/opt/local/lib/" })
                list.AddRange([dir + "libopenjp2.7.dylib", dir + "libopenjp2.dylib"]);
        else
            list.AddRange(["libopenjp2.so.7", "libopenjp2.so"]);
        return [.. list];
    }

#pragma warning disable CS1591 // the C signatures of openjpeg.h, one per export
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate IntPtr VersionFn();
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate IntPtr CreateDecompressFn(int format);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate void ParametersFn(IntPtr parameters);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate int SetupDecoderFn(IntPtr codec, IntPtr parameters);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate void MessageCallback(IntPtr message, IntPtr clientData);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate int SetHandlerFn(IntPtr codec, MessageCallback callback, IntPtr clientData);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate IntPtr StreamCreateFn(UIntPtr bufferSize, int isInput);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate UIntPtr StreamReadCallback(IntPtr buffer, UIntPtr count, IntPtr userData);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate long StreamSkipCallback(long count, IntPtr userData);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate int StreamSeekCallback(long position, IntPtr userData);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate void StreamSetReadFn(IntPtr stream, StreamReadCallback callback);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate void StreamSetSkipFn(IntPtr stream, StreamSkipCallback callback);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate void StreamSetSeekFn(IntPtr stream, StreamSeekCallback callback);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate void StreamSetUserDataFn(IntPtr stream, IntPtr userData, IntPtr freeFunction);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate void StreamSetUserDataLengthFn(IntPtr stream, ulong length);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate int ReadHeaderFn(IntPtr stream, IntPtr codec, out IntPtr image);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate int DecodeFn(IntPtr codec, IntPtr stream, IntPtr image);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate int EndDecompressFn(IntPtr codec, IntPtr stream);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] public delegate void DestroyFn(IntPtr pointer);

    public CreateDecompressFn CreateDecompress { get; }
    public ParametersFn SetDefaultDecoderParameters { get; }
    public SetupDecoderFn SetupDecoder { get; }
    public SetHandlerFn SetErrorHandler { get; }
    public SetHandlerFn SetWarningHandler { get; }
    public StreamCreateFn StreamCreate { get; }
    public StreamSetReadFn StreamSetReadFunction { get; }
    public StreamSetSkipFn StreamSetSkipFunction { get; }
    public StreamSetSeekFn StreamSetSeekFunction { get; }
    public StreamSetUserDataFn StreamSetUserData { get; }
    public StreamSetUserDataLengthFn StreamSetUserDataLength { get; }
    public ReadHeaderFn ReadHeader { get; }
    public DecodeFn Decode { get; }
    public EndDecompressFn EndDecompress { get; }
    public DestroyFn DestroyCodec { get; }
    public DestroyFn StreamDestroy { get; }
    public DestroyFn ImageDestroy { get; }
#pragma warning restore CS1591
}
