#!/usr/bin/python3
"""Independent reference values for the DICOM Segmentations of ../shared/corpus written by other tools
(tests: SegmentationReaderTests).

Run with Debian's interpreter (pydicom 2.3.1, numpy):

    /usr/bin/python3 tests/IronNotebooks.Dicom.Tests/Fixtures/make_seg_reference.py ../shared/corpus \
        > tests/IronNotebooks.Dicom.Tests/Fixtures/seg_reference.json

Masks are decoded by pydicom's pixel_array for native (little and big endian) and JPEG 2000 data. pydicom 2.3.1 has no
handler for 1-bit RLE nor for Deflated Image Frame Compression (1.2.840.10008.1.2.8.1), and GDCM aborts on 1-bit RLE,
so those two are decoded here from pydicom's fragments: PackBits per PS3.5 Annex G for RLE, raw DEFLATE (zlib, wbits
-15) for deflated frames, then numpy.unpackbits(bitorder="little"). IronNotebooks' reader is not used. For each frame:
the referenced segment, Image Position (Patient), the pixel count and the sha256 of the mask as one uint8 (0 or 1)
per pixel, row by row.
"""
import hashlib, json, os, struct, sys, zlib
import numpy as np
import pydicom
from pydicom.encaps import generate_pixel_data_frame

FILES = ["pydicom-data/liver.dcm", "pydicom-data/liver_expb.dcm", "pydicom-data/liver_j2k.dcm",
         "pydicom-data/liver_rle.dcm", "pydicom-data/liver_deflate.dcm", "pydicom-debian-testfiles/liver_1frame.dcm"]


def packbits(b):
    out, i = bytearray(), 0
    while i < len(b):
        n = b[i]; i += 1
        if n < 128: out += b[i:i + n + 1]; i += n + 1
        elif n > 128: out += bytes([b[i]]) * (257 - n); i += 1
    return bytes(out)


def masks(ds):
    frames, rows, cols = int(ds.get("NumberOfFrames", 1)), int(ds.Rows), int(ds.Columns)
    ts = str(ds.file_meta.TransferSyntaxUID)
    if ts in ("1.2.840.10008.1.2.5", "1.2.840.10008.1.2.8.1"):
        out = []
        for f in generate_pixel_data_frame(ds.PixelData, frames):
            if ts == "1.2.840.10008.1.2.5":
                header = struct.unpack("<16I", f[:64])
                assert header[0] == 1, "1-bit RLE is one segment of packed bits"
                raw = packbits(f[header[1]:])
            else:
                raw = zlib.decompress(f, -15)
            out.append(np.unpackbits(np.frombuffer(raw, np.uint8), bitorder="little")[:rows * cols].reshape(rows, cols))
        return np.stack(out)
    return (ds.pixel_array.reshape(frames, rows, cols) != 0).astype(np.uint8)


def code(seq):
    return {"value": str(seq[0].CodeValue), "scheme": str(seq[0].CodingSchemeDesignator), "meaning": str(seq[0].CodeMeaning)}


result = {}
for name in FILES:
    ds = pydicom.dcmread(os.path.join(sys.argv[1], name))
    m = masks(ds)
    shared = ds.SharedFunctionalGroupsSequence[0]
    frames = []
    # liver_1frame.dcm has no Number of Frames and one frame of pixels, but keeps liver.dcm's three per-frame items:
    # pydicom (like IronNotebooks) takes the first item for the one frame.
    for i, fg in enumerate(ds.PerFrameFunctionalGroupsSequence[:m.shape[0]]):
        seg = (fg if "SegmentIdentificationSequence" in fg else shared).SegmentIdentificationSequence[0]
        mask = m[i].astype(np.uint8)
        frames.append({"segment": int(seg.ReferencedSegmentNumber),
                       "position": [float(v) for v in fg.PlanePositionSequence[0].ImagePositionPatient],
                       "sources": [str(s.ReferencedSOPInstanceUID) for d in fg.get("DerivationImageSequence", []) for s in d.SourceImageSequence],
                       "pixels": int(mask.sum()), "sha256": hashlib.sha256(mask.tobytes()).hexdigest()})
    result[name] = {
        "transferSyntax": str(ds.file_meta.TransferSyntaxUID), "frameOfReference": str(ds.FrameOfReferenceUID),
        "rows": int(ds.Rows), "columns": int(ds.Columns),
        "segments": [{"number": int(s.SegmentNumber), "label": str(s.SegmentLabel), "algorithmType": str(s.SegmentAlgorithmType),
                      "category": code(s.SegmentedPropertyCategoryCodeSequence), "type": code(s.SegmentedPropertyTypeCodeSequence)}
                     for s in ds.SegmentSequence],
        "referencedSeries": [str(s.SeriesInstanceUID) for s in ds.get("ReferencedSeriesSequence", [])],
        "frames": frames, "perFrameItems": len(ds.PerFrameFunctionalGroupsSequence),
    }
print(json.dumps(result, indent=1, sort_keys=True))
