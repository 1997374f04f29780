#!/usr/bin/python3
"""Independent reference values for every DICOM file of ../shared/corpus (tests: CorpusAgreementTests).

Run with Debian's interpreter (pydicom 2.3.1, numpy; DCMTK and GDCM command-line tools on PATH):

    /usr/bin/python3 tests/IronNotebooks.Dicom.Tests/Fixtures/make_corpus_reference.py ../shared/corpus \
        > tests/IronNotebooks.Dicom.Tests/Fixtures/corpus_reference.json

Decoding is done by pydicom for native, RLE and deflated data, by DCMTK (dcmdjpeg, dcmdjpls) for JPEG-family
data and by GDCM (gdcmconv --raw, which links Debian's OpenJPEG) for JPEG 2000 and HTJ2K, whose output pydicom then
reads; IronNotebooks' reader is not used. Stored values follow PS3.3 C.7.6.3.1:
BitsStored bits ending at HighBit, sign-extended for PixelRepresentation 1; that masking is done here with numpy on
the raw bit pattern. For each frame: min, max, sum and the sha256 of the values as little-endian int64 (float64 for
float pixel data) in row, column, sample order; plus a few spot pixels for lossy data, which is compared with a
tolerance because lossy decoders legitimately differ.
"""
import csv, gzip, hashlib, io, json, os, subprocess, sys, tempfile
import numpy as np
import pydicom
from pydicom.uid import UID

JPEG_DCMTK = {"1.2.840.10008.1.2.4.50": ["dcmdjpeg", "+cn"], "1.2.840.10008.1.2.4.51": ["dcmdjpeg", "+cn"],
              "1.2.840.10008.1.2.4.57": ["dcmdjpeg"], "1.2.840.10008.1.2.4.70": ["dcmdjpeg"],
              "1.2.840.10008.1.2.4.80": ["dcmdjpls"], "1.2.840.10008.1.2.4.81": ["dcmdjpls"],
              # JPEG 2000 and HTJ2K: DCMTK has no JPEG 2000 decoder, so GDCM (through OpenJPEG) is the reference.
              "1.2.840.10008.1.2.4.90": ["gdcmconv", "--raw"], "1.2.840.10008.1.2.4.91": ["gdcmconv", "--raw"],
              "1.2.840.10008.1.2.4.201": ["gdcmconv", "--raw"], "1.2.840.10008.1.2.4.202": ["gdcmconv", "--raw"],
              "1.2.840.10008.1.2.4.203": ["gdcmconv", "--raw"]}
LOSSY = {"1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.91",
         "1.2.840.10008.1.2.4.203"}
# Neither DCMTK, GDCM nor pydicom 2.3 decodes 1-bit RLE or Deflated Image Frame Compression; these two files hold the
# same segmentation as liver.dcm (pydicom's test-data notes), so pydicom's decode of liver.dcm is their reference.
SAME_PIXELS_AS = {"pydicom-data/liver_rle.dcm": "pydicom-data/liver.dcm",
                  "pydicom-data/liver_deflate.dcm": "pydicom-data/liver.dcm"}


def read(path):
    data = open(path, "rb").read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data, pydicom.dcmread(io.BytesIO(data), force=True)


def first_item(ds, kw):
    seq = ds.get(kw)
    return seq[0] if seq is not None and len(seq) > 0 else None


def frame_facts(ds, frames):
    shared = first_item(ds, "SharedFunctionalGroupsSequence")
    per = ds.get("PerFrameFunctionalGroupsSequence")
    out = []
    for i in range(frames):
        scopes = [per[i] if per is not None and i < len(per) else None, shared]

        def macro(seq_kw, kw, default):
            for s in scopes:
                item = first_item(s, seq_kw) if s is not None else None
                if item is not None and kw in item and item[kw].value not in (None, ""):
                    return float(item[kw].value)
            return float(ds[kw].value) if kw in ds and ds[kw].value not in (None, "") else default

        te = macro("MREchoSequence", "EffectiveEchoTime", None)
        if te is None and "EchoTime" in ds and ds.EchoTime not in (None, ""):
            te = float(ds.EchoTime)
        out.append({"echoTimeMs": te,
                    "rescaleSlope": macro("PixelValueTransformationSequence", "RescaleSlope", 1.0),
                    "rescaleIntercept": macro("PixelValueTransformationSequence", "RescaleIntercept", 0.0)})
    return out


def stored_values(ds, arr):
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    spp = int(ds.get("SamplesPerPixel", 1))
    arr = arr.reshape((frames, int(ds.Rows), int(ds.Columns), spp))
    if "FloatPixelData" in ds or "DoubleFloatPixelData" in ds:
        return arr.astype(np.float64), True
    ba, bs = int(ds.BitsAllocated), int(ds.BitsStored)
    hb = int(ds.get("HighBit", bs - 1))
    bits = arr.astype(np.int64) & ((1 << ba) - 1)       # the raw bit pattern of each sample
    v = (bits >> (hb + 1 - bs)) & ((1 << bs) - 1)
    if int(ds.PixelRepresentation) == 1:
        v = np.where(v & (1 << (bs - 1)), v - (1 << bs), v)
    return v, False


def pixel_reference(path, data, ds, ts, corpus, rel):
    decoder = "pydicom " + pydicom.__version__
    if rel in SAME_PIXELS_AS:
        twin = SAME_PIXELS_AS[rel]
        arr = read(os.path.join(corpus, twin))[1].pixel_array
        decoder += f" decoding {twin} (same pixels, native encoding)"
    elif ts in JPEG_DCMTK:
        with tempfile.TemporaryDirectory() as tmp:
            src, dst = os.path.join(tmp, "in.dcm"), os.path.join(tmp, "out.dcm")
            open(src, "wb").write(data)
            cmd = JPEG_DCMTK[ts] + [src, dst]
            tool = "GDCM" if cmd[0] == "gdcmconv" else "DCMTK"
            if subprocess.run(cmd, capture_output=True).returncode != 0:
                cmd, tool = ["gdcmconv", "--raw", src, dst], "GDCM"   # DCMTK refuses some valid JPEG-LS streams
                subprocess.run(cmd, check=True, capture_output=True)
            decoder = " ".join(c for c in cmd if not c.startswith(tmp)) + f" ({tool}) + pydicom " + pydicom.__version__
            dds = pydicom.dcmread(dst)
            arr = dds.pixel_array
    else:
        arr = ds.pixel_array
    values, is_float = stored_values(ds, arr)
    frames = []
    lossy = ts in LOSSY
    for f in values:
        flat = f.reshape(-1)
        entry = {"min": float(flat.min()), "max": float(flat.max()), "sum": float(flat.astype(np.float64).sum())}
        if not lossy:
            entry["sha256"] = hashlib.sha256(flat.astype("<f8" if is_float else "<i8").tobytes()).hexdigest()
        frames.append(entry)
    spots = None
    if lossy:
        flat = values[0].reshape(-1)
        idx = list(range(0, flat.size, max(1, flat.size // 256)))
        spots = {"indices": idx, "values": [float(flat[i]) for i in idx]}
    return decoder, frames, spots


def main(corpus):
    rows = list(csv.DictReader(open(os.path.join(corpus, "MANIFEST.csv"))))
    out = {"generator": "tests/IronNotebooks.Dicom.Tests/Fixtures/make_corpus_reference.py",
           "pydicom": pydicom.__version__, "numpy": np.__version__,
           "dcmtk": subprocess.run(["dcmdjpeg", "--version"], capture_output=True, text=True).stdout.splitlines()[0],
           "files": []}
    for row in rows:
        if not row["role"].startswith("dicom"):
            continue
        rel = row["file"]
        path = os.path.join(corpus, rel)
        entry = {"file": rel, "sha256": row["sha256"]}
        try:
            data, ds = read(path)
            meta = getattr(ds, "file_meta", None)
            ts = str(meta.TransferSyntaxUID) if meta is not None and "TransferSyntaxUID" in meta else None
            entry.update({"transferSyntaxUid": ts, "topLevelElements": len(ds),
                          "seriesInstanceUid": str(ds.get("SeriesInstanceUID", "")) or None,
                          "modality": str(ds.get("Modality", "")) or None})
            has_pixels = any(k in ds for k in ("PixelData", "FloatPixelData", "DoubleFloatPixelData"))
            if has_pixels and "Rows" in ds:
                frames = int(ds.get("NumberOfFrames", 1) or 1)
                entry.update({"rows": int(ds.Rows), "columns": int(ds.Columns), "frames": frames,
                              "samplesPerPixel": int(ds.get("SamplesPerPixel", 1)),
                              "bitsAllocated": int(ds.BitsAllocated),
                              "pixelRepresentation": int(ds.get("PixelRepresentation", 0)),
                              "frameFacts": frame_facts(ds, frames)})
                decoder, pframes, spots = pixel_reference(path, data, ds, ts, corpus, rel)
                entry.update({"pixelReference": decoder, "lossy": ts in LOSSY, "pixelFrames": pframes})
                if spots:
                    entry["spotPixels"] = spots
        except Exception as e:  # the file is broken for the reference tools too: record what they said
            entry["referenceError"] = f"{type(e).__name__}: {e}"[:300]
        out["files"].append(entry)
        print(rel, file=sys.stderr)
    json.dump(out, sys.stdout, indent=None, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1])
