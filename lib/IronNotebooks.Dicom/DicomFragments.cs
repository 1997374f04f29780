namespace IronNotebooks.Dicom;

/// <summary>One fragment (item) of encapsulated pixel data: its bytes and where they start in the stored data.</summary>
/// <param name="Data">The fragment's bytes.</param>
/// <param name="ByteOffset">Offset of the fragment's first data byte in the parsed buffer.</param>
public sealed record DicomFragment(ReadOnlyMemory<byte> Data, long ByteOffset);

/// <summary>
/// Encapsulated (compressed) pixel data: the Basic Offset Table (first item, possibly empty) and the fragments that
/// follow it (PS3.5 §A.4).
/// </summary>
/// <param name="BasicOffsetTable">Offsets of each frame's first fragment, relative to the first fragment's item tag;
/// empty when the file does not supply them.</param>
/// <param name="Fragments">The fragments after the offset table, in order.</param>
public sealed record DicomFragments(IReadOnlyList<uint> BasicOffsetTable, IReadOnlyList<DicomFragment> Fragments);
