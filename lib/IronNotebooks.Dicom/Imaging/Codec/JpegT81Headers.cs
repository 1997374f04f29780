namespace IronNotebooks.Dicom.Imaging.Codec;

/// <summary>One component of a JPEG frame header (T.81 §B.2.2).</summary>
/// <param name="Id">Component identifier Ci.</param>
/// <param name="Index">Position of the component in the frame header (0-based); the sample's place in a pixel.</param>
/// <param name="H">Horizontal sampling factor Hi (1–4).</param>
/// <param name="V">Vertical sampling factor Vi (1–4).</param>
/// <param name="QuantTable">Quantisation table selector Tqi (0–3).</param>
internal sealed record JpegT81Component(int Id, int Index, int H, int V, int QuantTable);

/// <summary>A JPEG frame header (SOF0, SOF1 or SOF3; T.81 §B.2.2).</summary>
/// <param name="Marker">The SOF marker code (0xC0, 0xC1 or 0xC3).</param>
/// <param name="Offset">Byte offset of the SOF marker in the frame's compressed data.</param>
/// <param name="Precision">Sample precision P in bits.</param>
/// <param name="Height">Number of lines Y.</param>
/// <param name="Width">Samples per line X.</param>
/// <param name="Components">The components in header order.</param>
internal sealed record JpegT81Frame(int Marker, int Offset, int Precision, int Height, int Width,
    JpegT81Component[] Components)
{
    /// <summary>Largest horizontal sampling factor, Hmax.</summary>
    public int MaxH { get; } = Components.Max(c => c.H);

    /// <summary>Largest vertical sampling factor, Vmax.</summary>
    public int MaxV { get; } = Components.Max(c => c.V);

    /// <summary>True for the lossless process (SOF3).</summary>
    public bool IsLossless => Marker == 0xC3;
}

/// <summary>A JPEG scan header (SOS; T.81 §B.2.3) with its Huffman tables resolved.</summary>
/// <param name="Offset">Byte offset of the SOS marker.</param>
/// <param name="DataOffset">Byte offset of the first entropy-coded byte after the header.</param>
/// <param name="Components">The scan's components, in scan order.</param>
/// <param name="DcTables">DC (or lossless) Huffman table of each scan component.</param>
/// <param name="AcTables">AC Huffman table of each scan component (null in a lossless scan).</param>
/// <param name="Ss">Start of spectral selection, or the predictor selection value in a lossless scan.</param>
/// <param name="Se">End of spectral selection.</param>
/// <param name="Ah">Successive approximation bit position high.</param>
/// <param name="Al">Successive approximation bit position low, or the point transform Pt in a lossless scan.</param>
/// <param name="RestartInterval">MCUs per restart interval in force for this scan (0 = no restarts).</param>
internal sealed record JpegT81Scan(int Offset, int DataOffset, JpegT81Component[] Components,
    JpegHuffmanTable[] DcTables, JpegHuffmanTable?[] AcTables, int Ss, int Se, int Ah, int Al, int RestartInterval);
