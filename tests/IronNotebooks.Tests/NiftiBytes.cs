using System.Buffers.Binary;

namespace IronNotebooks.Tests;

/// <summary>Minimal NIfTI-1 files made byte by byte for reader tests.</summary>
public static class NiftiBytes
{
    /// <summary>A .nii of int16 voxels with pixdim 1 and an sform that is the identity plus a 10 mm shift in z.</summary>
    public static byte[] Int16(int nx, int ny, int nz, short[] values, float slope = 0, float intercept = 0)
    {
        var b = new byte[352 + 2 * values.Length];
        BinaryPrimitives.WriteInt32LittleEndian(b, 348);
        short[] dim = [3, (short)nx, (short)ny, (short)nz, 1, 1, 1, 1];
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(40 + 2 * i), dim[i]);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(70), 4);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(72), 16);
        for (int i = 0; i < 4; i++) BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(76 + 4 * i), 1);
        BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(108), 352);
        BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(112), slope);
        BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(116), intercept);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(254), 1);
        float[] srow = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 10];
        for (int i = 0; i < 12; i++) BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(280 + 4 * i), srow[i]);
        "n+1\0"u8.CopyTo(b.AsSpan(344));
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(352 + 2 * i), values[i]);
        return b;
    }
}
