using System.Buffers.Binary;
using System.IO.Compression;

namespace IronNotebooks.Imaging.Nifti;

/// <summary>
/// Reads single-file NIfTI-1 images (.nii, .nii.gz): header of 348 bytes in either byte order, data types uint8,
/// int8, int16, uint16, int32, uint32, float32, float64; scl_slope/scl_inter applied (ignored when slope is 0 or
/// not finite, as the standard says); the affine from sform, else qform, else pixdim.
/// Reference: the NIfTI-1 header definition (nifti1.h, NIfTI Data Format Working Group, 2004).
/// </summary>
public static class NiftiReader
{
    private static readonly Dictionary<short, (int Bytes, Func<ReadOnlySpan<byte>, bool, double> Read)> DataTypes = new()
    {
        [2] = (1, (b, _) => b[0]),
        [256] = (1, (b, _) => (sbyte)b[0]),
        [4] = (2, (b, be) => be ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b)),
        [512] = (2, (b, be) => be ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b)),
        [8] = (4, (b, be) => be ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b)),
        [768] = (4, (b, be) => be ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b)),
        [16] = (4, (b, be) => be ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b)),
        [64] = (8, (b, be) => be ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b)),
    };

    /// <summary>Reads a file.</summary>
    /// <exception cref="ImagingException">Not NIfTI-1, an unsupported data type, or fewer data bytes than the header describes.</exception>
    public static NiftiImage Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B)
        {
            try
            {
                using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var ms = new MemoryStream();
                gz.CopyTo(ms);
                bytes = ms.ToArray();
            }
            catch (InvalidDataException e) { throw new ImagingException($"Corrupt gzip stream: {e.Message}", path, e); }
        }
        if (bytes.Length < 352) throw new ImagingException($"File has {bytes.Length} bytes; a NIfTI-1 file has at least 352", path);
        bool be = BinaryPrimitives.ReadInt32LittleEndian(bytes) != 348;
        if (be && BinaryPrimitives.ReadInt32BigEndian(bytes) != 348) throw new ImagingException("sizeof_hdr is not 348: not a NIfTI-1 file", path);
        if (bytes[344] != 'n' || bytes[346] != '1' || bytes[345] != '+')
            throw new ImagingException("magic is not \"n+1\": only single-file NIfTI-1 (.nii) is read", path);

        short I16(int at) => be ? BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(at)) : BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(at));
        float F32(int at) => be ? BinaryPrimitives.ReadSingleBigEndian(bytes.AsSpan(at)) : BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(at));

        int rank = I16(40);
        if (rank is < 2 or > 7) throw new ImagingException($"dim[0] = {rank} is outside 2–7", path);
        int Dim(int d) => d <= rank ? Math.Max((int)I16(40 + 2 * d), 1) : 1;
        int nx = Dim(1), ny = Dim(2), nz = Dim(3), nt = Dim(4) * Dim(5) * Dim(6) * Dim(7);
        short datatype = I16(70);
        if (!DataTypes.TryGetValue(datatype, out var type)) throw new ImagingException($"NIfTI datatype {datatype} is not supported", path);
        long offset = (long)F32(108);
        long count = (long)nx * ny * nz * nt;
        if (offset < 352 || offset + count * type.Bytes > bytes.Length)
            throw new ImagingException($"Header describes {count} voxels of {type.Bytes} bytes from offset {offset}, but the file has {bytes.Length} bytes (truncated?)", path);

        double slope = F32(112), intercept = F32(116);
        bool scaled = slope != 0 && double.IsFinite(slope);
        var data = new float[count];
        var span = bytes.AsSpan((int)offset);
        for (long v = 0; v < count; v++)
        {
            double x = type.Read(span.Slice((int)(v * type.Bytes), type.Bytes), be);
            data[v] = (float)(scaled ? x * slope + intercept : x);
        }
        var (affine, source) = Affine(I16, F32);
        return new NiftiImage(path, nx, ny, nz, nt, affine, data, source);
    }

    private static (double[,] Affine, string Source) Affine(Func<int, short> i16, Func<int, float> f32)
    {
        var a = new double[3, 4];
        if (i16(254) > 0)
        {
            for (int r = 0; r < 3; r++)
                for (int c = 0; c < 4; c++) a[r, c] = f32(280 + 16 * r + 4 * c);
            return (a, "sform");
        }
        double dx = f32(80), dy = f32(84), dz = f32(88);
        if (i16(252) > 0)
        {
            // Quaternion form (nifti1.h method 2): b, c, d given, a = sqrt(1 − b² − c² − d²); qfac = pixdim[0] sign.
            double b = f32(256), c = f32(260), d = f32(264);
            double q = Math.Sqrt(Math.Max(0, 1 - (b * b + c * c + d * d)));
            double qfac = f32(76) < 0 ? -1 : 1;
            double[,] r =
            {
                { q * q + b * b - c * c - d * d, 2 * (b * c - q * d), 2 * (b * d + q * c) },
                { 2 * (b * c + q * d), q * q + c * c - b * b - d * d, 2 * (c * d - q * b) },
                { 2 * (b * d - q * c), 2 * (c * d + q * b), q * q + d * d - b * b - c * c },
            };
            double[] scale = [dx, dy, dz * qfac];
            for (int row = 0; row < 3; row++)
                for (int col = 0; col < 3; col++) a[row, col] = r[row, col] * scale[col];
            a[0, 3] = f32(268); a[1, 3] = f32(272); a[2, 3] = f32(276);
            return (a, "qform");
        }
        a[0, 0] = dx; a[1, 1] = dy; a[2, 2] = dz;
        return (a, "pixdim");
    }
}
